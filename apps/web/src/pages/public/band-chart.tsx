import { Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION } from '../review/readable';
import { bandColour, bandLabel } from './bands';
import { barSegments, type ProvinceShare } from './public-results';

/**
 * Each province's regencies and cities by band as a stacked bar, its words read out as one sentence per bar, and
 * the same numbers in a table for anyone who would rather read them (or cannot see the colours).
 */
export function BandChart({ provinces, bands }: { provinces: readonly ProvinceShare[]; bands: readonly string[] }) {
  const { t } = useLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby="band-chart-title">
      <Title order={2} id="band-chart-title">
        {t('public.chartTitle')}
      </Title>
      <Text>{t('public.chartIntro')}</Text>
      <Group gap="md" component="ul" aria-label={t('public.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {bands.map((band) => (
          <Group key={band} gap={6} component="li" wrap="nowrap">
            <Box w={14} h={14} style={{ background: bandColour(band), borderRadius: 2 }} aria-hidden />
            <Text size="sm">{bandLabel(t, band)}</Text>
          </Group>
        ))}
      </Group>
      <Stack gap={6} data-testid="band-chart">
        {provinces.map((province) => {
          const segments = barSegments(province);
          const shares = segments.map((segment) => t('public.chartShare', { band: bandLabel(t, segment.band), n: segment.count, total: province.rated })).join(', ');
          return (
            <div key={province.code}>
              <Text size="sm" aria-hidden>
                {province.name}
              </Text>
              <Box role="img" aria-label={t('public.chartBar', { province: province.name, shares })} h={18} style={{ display: 'flex', borderRadius: 2, overflow: 'hidden' }}>
                {segments.map((segment) => (
                  <Box key={segment.band} h="100%" style={{ width: `${segment.percent}%`, background: bandColour(segment.band) }} />
                ))}
              </Box>
            </div>
          );
        })}
      </Stack>
      {/* Wider than a phone: the table scrolls sideways, and the keyboard can scroll it too. */}
      <Box role="region" aria-label={t('public.tableCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table striped miw={560} data-testid="band-table">
          <Table.Caption style={READABLE_CAPTION}>{t('public.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('public.colProvince')}</Table.Th>
              {bands.map((band) => (
                <Table.Th scope="col" key={band} ta="right">
                  {bandLabel(t, band)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('public.colRated')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {provinces.map((province) => (
              <Table.Tr key={province.code}>
                <Table.Th scope="row" fw={400}>
                  {province.name}
                </Table.Th>
                {bands.map((band) => (
                  <Table.Td key={band} ta="right">
                    {province.counts.find((entry) => entry.band === band)?.count ?? 0}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{province.rated}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}
