import { Box, Stack, Table, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { bandLabel } from '../public/bands';
import { READABLE_CAPTION } from '../review/readable';
import { useProvinceAwards } from './dashboard-data';
import { formatNumber, pembinaRows } from './dashboard-model';
import { DotLabel } from './dot-label';
import { Panel } from './panel';

/**
 * Each province's share of regencies/cities in the rule's band against the rule's minimum (a line on each bar), with
 * whether it qualifies as pembina written beside it, and the reasons in the table.
 */
export function PembinaPanel({ cycleId }: { cycleId: string | undefined }) {
  const { t, language } = useLanguage();
  const awards = useProvinceAwards(cycleId, true);
  const rows = awards.data ? pembinaRows(awards.data.provinces, language) : [];
  const rule = awards.data?.rule;
  const state = awards.isError ? 'failed' : awards.isPending ? 'loading' : rows.length === 0 ? { empty: t('dashboard.pembina.empty') } : 'ready';
  const verdict = (qualifies: boolean) => t(qualifies ? 'dashboard.pembina.qualifies' : 'dashboard.pembina.notYet');
  return (
    <Panel
      id="pembina"
      title={t('dashboard.pembina.title')}
      intro={rule ? t('dashboard.pembina.rule', { share: formatNumber(rule.minBandShare, language), band: bandLabel(t, rule.band) }) : undefined}
      state={state}
    >
      {awards.data && !awards.data.final && <Text size="sm">{t('dashboard.pembina.notFinal')}</Text>}
      <Stack gap={6} data-testid="pembina-chart">
        {rows.map((row) => (
          <div key={row.code}>
            <Text size="sm" aria-hidden>
              {row.name} · {formatNumber(row.share, language)}% · {verdict(row.qualifies)}
            </Text>
            <Box
              role="img"
              aria-label={t('dashboard.pembina.bar', { province: row.name, share: formatNumber(row.share, language), verdict: verdict(row.qualifies) })}
              h={18}
              pos="relative"
              style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 2 }}
            >
              <Box h="100%" style={{ width: `${Math.min(row.share, 100)}%`, background: row.qualifies ? 'var(--mantine-color-green-9)' : 'var(--mantine-color-gray-7)' }} />
              {rule && <Box pos="absolute" top={-2} bottom={-2} style={{ left: `${rule.minBandShare}%`, borderLeft: '2px dashed var(--mantine-color-dark-9)' }} />}
            </Box>
          </div>
        ))}
      </Stack>
      <Box role="region" aria-label={t('dashboard.pembina.caption')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table striped miw={640} data-testid="pembina-table">
          <Table.Caption style={READABLE_CAPTION}>{t('dashboard.pembina.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.colProvince')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.pembina.colCounted')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.pembina.colInBand')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.pembina.colShare')}
              </Table.Th>
              <Table.Th scope="col">{t('dashboard.pembina.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={400}>
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">{row.counted}</Table.Td>
                <Table.Td ta="right">{row.inBand}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.share, language)}%</Table.Td>
                <Table.Td>
                  <DotLabel colour={row.qualifies ? 'green' : 'gray'}>{verdict(row.qualifies)}</DotLabel>
                  {row.reasons.map((reason) => (
                    <Text key={reason} size="sm">
                      {reason}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Panel>
  );
}
