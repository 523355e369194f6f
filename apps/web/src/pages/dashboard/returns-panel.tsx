import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION } from '../review/readable';
import { useReturnedCodes } from './dashboard-data';
import { returnBars } from './dashboard-model';
import { Panel } from './panel';

const RETURN_COLOUR = 'var(--mantine-color-orange-9)';
const REJECTION_COLOUR = 'var(--mantine-color-gray-7)';

/** The indicators or action measures reviewers return or reject most: where guidance or the form may need work. */
export function ReturnsPanel({ cycleId, periodCode }: { cycleId: string | undefined; periodCode: string | undefined }) {
  const { t } = useLanguage();
  const returns = useReturnedCodes(cycleId, periodCode);
  const bars = returnBars(returns.data?.items ?? []);
  const state = returns.isError ? 'failed' : returns.isPending ? 'loading' : bars.length === 0 ? { empty: t('dashboard.returns.empty') } : 'ready';
  return (
    <Panel id="returns" title={t('dashboard.returns.title')} intro={t('dashboard.returns.intro')} state={state}>
      <Text size="sm" data-testid="returned-reviews">
        {t('dashboard.returns.reviews', { n: returns.data?.returnedReviews ?? 0 })}
      </Text>
      <Group gap="md" component="ul" aria-label={t('dashboard.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[
          [RETURN_COLOUR, t('dashboard.returns.colReturns')],
          [REJECTION_COLOUR, t('dashboard.returns.colRejections')],
        ].map(([colour, label]) => (
          <Group key={label} gap={6} component="li" wrap="nowrap">
            <Box w={14} h={14} style={{ background: colour, borderRadius: 2 }} aria-hidden />
            <Text size="sm">{label}</Text>
          </Group>
        ))}
      </Group>
      <Stack gap={6} data-testid="returns-chart">
        {bars.map((bar) => (
          <Group key={bar.code} gap="xs" wrap="nowrap">
            <Text size="sm" w={90} style={{ flexShrink: 0 }} aria-hidden>
              {bar.code}
            </Text>
            <Box
              role="img"
              aria-label={t('dashboard.returns.bar', { code: bar.code, returns: bar.returns, rejections: bar.rejections })}
              h={18}
              style={{ flexGrow: 1, display: 'flex' }}
            >
              <Box h="100%" style={{ width: `${(bar.percent * bar.returns) / Math.max(bar.total, 1)}%`, background: RETURN_COLOUR }} />
              <Box h="100%" style={{ width: `${(bar.percent * bar.rejections) / Math.max(bar.total, 1)}%`, background: REJECTION_COLOUR }} />
            </Box>
            <Text size="sm" w={32} ta="right" aria-hidden>
              {bar.total}
            </Text>
          </Group>
        ))}
      </Stack>
      <Box role="region" aria-label={t('dashboard.returns.caption')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table striped miw={480} data-testid="returns-table">
          <Table.Caption style={READABLE_CAPTION}>{t('dashboard.returns.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.returns.colCode')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.returns.colReturns')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.returns.colRejections')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.returns.colReports')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bars.map((bar) => (
              <Table.Tr key={bar.code}>
                <Table.Th scope="row" fw={400}>
                  {bar.code}
                </Table.Th>
                <Table.Td ta="right">{bar.returns}</Table.Td>
                <Table.Td ta="right">{bar.rejections}</Table.Td>
                <Table.Td ta="right">{bar.submissions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Panel>
  );
}
