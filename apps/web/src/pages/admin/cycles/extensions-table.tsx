import { Alert, Table, Text } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import { formatDeadline } from '../../../lib/deadline';
import { useExtensions } from '../admin-data';
import { zoneOfRegion } from '../admin-model';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

/** What was granted for a period: each regency's or city's new deadline in its own zone, named; a ministry's in WIB. */
export function ExtensionsTable({ cycleId, code, unitNames }: { cycleId: string; code: string; unitNames: ReadonlyMap<string, string> }) {
  const { t, language } = useLanguage();
  const extensions = useExtensions(cycleId, code || undefined);
  if (extensions.isError) return <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>;
  if (!extensions.data) return null;
  if (extensions.data.length === 0) return <Text data-testid="extensions-none">{t('admin.extension.none', { code })}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="extensions-table">
        <Table.Caption c={CAPTION_COLOUR}>{t('admin.extension.caption', { code })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.extension.colFor')}</Table.Th>
            <Table.Th scope="col">{t('admin.extension.colUntil')}</Table.Th>
            <Table.Th scope="col">{t('admin.extension.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {extensions.data.map((extension) => {
            const unit = extension.organisationId ? (unitNames.get(extension.organisationId) ?? extension.organisationId) : null;
            const reporter = extension.regionCode ?? extension.reporterOrganisationId ?? '';
            return (
              <Table.Tr key={extension.id} data-testid="extension-row">
                <Table.Td>{unit ? `${reporter} · ${unit}` : `${reporter} · ${t('admin.extension.wholeReporter')}`}</Table.Td>
                <Table.Td>{formatDeadline(new Date(extension.until), zoneOfRegion(extension.regionCode ?? ''), language)}</Table.Td>
                <Table.Td>{extension.reason}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
