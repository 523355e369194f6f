import type React from 'react';

/**
 * Mantine's dimmed grey for field descriptions and table captions is below WCAG AA's 4.5:1 on white; these pages'
 * hints carry instructions, so they use a darker grey.
 */
export const READABLE_HINT = { description: { color: 'var(--mantine-color-gray-8)' } } as const;
export const READABLE_CAPTION = { color: 'var(--mantine-color-gray-8)' } as const;

/** Mantine's error red (shade 6) is 3.3:1 on white; a field's error text must be readable, so shade 9 here. */
export const READABLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;
