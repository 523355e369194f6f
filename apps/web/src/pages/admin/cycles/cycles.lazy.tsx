import { Alert, Loader, Table, Text } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { AnchorLink } from '../../report/links';
import { useAllCycles } from '../admin-data';
import { AdminPage } from '../admin-page';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

/** Every cycle, newest year first, each opening its calendar. */
function CyclesPage() {
  const { t } = useLanguage();
  const cycles = useAllCycles();
  return (
    <AdminPage title={t('admin.cycles.title')} allowed={(access) => access.cycles}>
      {() => (
        <>
          <Text>{t('admin.cycles.intro')}</Text>
          {cycles.isError ? (
            <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
          ) : !cycles.data ? (
            <Loader size="sm" role="status" aria-label={t('admin.loading')} />
          ) : cycles.data.length === 0 ? (
            <Text>{t('admin.cycles.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="cycles-table">
                <Table.Caption c={CAPTION_COLOUR}>{t('admin.cycles.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.cycles.colCycle')}</Table.Th>
                    <Table.Th scope="col">{t('admin.cycles.colProgramme')}</Table.Th>
                    <Table.Th scope="col">{t('admin.cycles.colDataYear')}</Table.Th>
                    <Table.Th scope="col">{t('admin.cycles.colDecree')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cycles.data.map((cycle) => (
                    <Table.Tr key={cycle.id} data-testid="cycle-row">
                      <Table.Td>
                        <AnchorLink to="/manage/cycles/$cycleId" params={{ cycleId: cycle.id }}>
                          {cycle.label}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{t(`programme.${cycle.programme}` as MessageKey)}</Table.Td>
                      <Table.Td>{cycle.dataYear}</Table.Td>
                      <Table.Td>{cycle.decree ? `${cycle.decree.number} (${cycle.decree.date})` : t('admin.cycles.noDecree')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </AdminPage>
  );
}

export const Route = createLazyRoute('/manage/cycles')({ component: CyclesPage });
