import { createTheme } from '@mantine/core';

// Shade 8 of the primary colour: Mantine's default shade 6 with white text is 3.55:1, below WCAG AA's 4.5:1.
export const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm' });
