/**
 * Mantine's dimmed grey for hints and captions falls short of WCAG AA contrast on white and striped rows; the admin
 * pages' hints, captions and red buttons use darker shades.
 */
export const READABLE_HINT = { description: { color: 'var(--mantine-color-gray-8)' } } as const;
export const CAPTION_COLOUR = 'gray.8';
export const DANGER_COLOUR = 'red.9';
