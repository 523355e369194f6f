import { Table, Text } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { useRegionNames } from './frameworks-data';
import { bandChangeRows, formatTotal, type BandChange } from './frameworks-model';

/** Which regions change band, from what to what, with the change in words (never colour alone). */
export function BandChangeTable({ changes, caption }: { changes: readonly BandChange[]; caption: string }) {
  const { t, language } = useLanguage();
  const names = useRegionNames(changes);
  const rows = bandChangeRows(changes, names);
  const band = (value: { band: string; total: number } | null) =>
    value ? `${t(`frameworks.band.${value.band}` as MessageKey)} (${formatTotal(value.total, language)})` : t('frameworks.bandChanges.noScore');
  if (rows.length === 0) return <Text data-testid="band-changes-none">{t('frameworks.bandChanges.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped data-testid="band-changes">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', color: 'var(--mantine-color-text)' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('frameworks.bandChanges.region')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.bandChanges.period')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.bandChanges.before')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.bandChanges.after')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.bandChanges.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.submissionId} data-testid="band-change">
              <Table.Th scope="row" fw={400}>
                {row.regionName ? `${row.regionName} (${row.regionCode})` : row.regionCode}
              </Table.Th>
              <Table.Td>{row.periodKey}</Table.Td>
              <Table.Td>{band(row.before)}</Table.Td>
              <Table.Td>{band(row.after)}</Table.Td>
              <Table.Td>{t(`frameworks.direction.${row.direction}` as MessageKey)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
