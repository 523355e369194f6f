import { Box, Group, Stack, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { formatScore, type Bar } from './scores-model';

/**
 * Horizontal 0-100 bars drawn with CSS: each bar reads out as one sentence ("K1 — …: 62,50 dari 100"), and its value
 * is written beside it, so neither the length nor the colour is the only way to learn it. The caller puts the same
 * numbers in a table under the chart.
 */
export function Bars({ bars, colour = () => 'var(--mantine-color-blue-8)', testId }: { bars: readonly Bar[]; colour?: (bar: Bar) => string; testId: string }) {
  const { t, language } = useLanguage();
  return (
    <Stack gap={6} data-testid={testId}>
      {bars.map((bar) => {
        const value = formatScore(bar.value, language);
        return (
          <div key={bar.code}>
            <Text size="sm" aria-hidden lineClamp={2}>
              {bar.label}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Box
                role="img"
                aria-label={t('scores.chartBar', { label: bar.label, value })}
                h={16}
                style={{ flex: 1, background: 'var(--mantine-color-gray-2)', borderRadius: 2, overflow: 'hidden' }}
              >
                <Box h="100%" style={{ width: `${Math.min(100, Math.max(0, bar.value))}%`, background: colour(bar) }} />
              </Box>
              <Text size="sm" w={56} ta="right" aria-hidden>
                {value}
              </Text>
            </Group>
          </div>
        );
      })}
    </Stack>
  );
}
