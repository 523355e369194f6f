import { Alert, Button, Code, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import { DICTIONARIES, type MessageKey } from '../../../i18n/messages';
import { formatDeadline, zoneOfOrganisation } from '../../../lib/deadline';
import { useMe, useOrganisation } from '../../home-data';
import { downloadAuditExport, useAudit } from '../admin-data';
import { NO_AUDIT_FILTERS, auditChange, auditExportRange, auditQuery, type AuditFilters } from '../admin-model';
import { AdminPage } from '../admin-page';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

const FILTER_FIELDS: readonly (keyof AuditFilters)[] = ['action', 'entityType', 'actorId', 'regionCode', 'from', 'to'];

/** The audit trail, newest first, filtered, paged by cursor, and downloadable as CSV or XLSX for the same filters. */
function AuditPage() {
  const { t, language } = useLanguage();
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId);
  const zone = zoneOfOrganisation(organisation.data?.provinceCode);
  const [typed, setTyped] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // The cursors of the pages seen, so "newer" can step back without the API counting the trail.
  const [cursors, setCursors] = useState<string[]>([]);
  const query = useMemo(() => auditQuery(filters, zone), [filters, zone]);
  const page = useAudit(query, cursors[cursors.length - 1]);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const actionWords = (action: string) => {
    const key = `admin.action.${action}`;
    return key in DICTIONARIES[language] ? t(key as MessageKey) : action;
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadAuditExport({ ...auditExportRange(filters, zone, new Date()), ...(query.entityType ? { entityType: query.entityType } : {}), ...(query.regionCode ? { regionCode: query.regionCode } : {}) }, format);
    } catch (error) {
      setExportError(error instanceof Error && error.message ? error.message : t('form.network'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <AdminPage title={t('admin.audit.title')} allowed={(access) => access.audit}>
      {() => (
        <>
          <Text>{t('admin.audit.intro', { zone })}</Text>
          <Stack
            gap="sm"
            component="form"
            role="search"
            aria-label={t('admin.audit.filters')}
            onSubmit={(event) => {
              event.preventDefault();
              setFilters(typed);
              setCursors([]);
            }}
          >
            <Group align="flex-start" gap="md" wrap="wrap">
              {FILTER_FIELDS.map((field) => (
                <TextInput
                  key={field}
                  id={`audit-${field}`}
                  type={field === 'from' || field === 'to' ? 'date' : 'text'}
                  label={t(`admin.audit.filter.${field}` as MessageKey)}
                  value={typed[field]}
                  onChange={(event) => setTyped({ ...typed, [field]: event.currentTarget.value })}
                />
              ))}
            </Group>
            <Group>
              <Button type="submit">{t('admin.audit.apply')}</Button>
            </Group>
          </Stack>
          <Group gap="sm">
            <Button variant="outline" loading={exporting} onClick={() => void download('csv')}>
              {t('admin.audit.exportCsv')}
            </Button>
            <Button variant="outline" loading={exporting} onClick={() => void download('xlsx')}>
              {t('admin.audit.exportXlsx')}
            </Button>
          </Group>
          {exportError && (
            <Alert color={DANGER_COLOUR} role="alert">
              {exportError}
            </Alert>
          )}
          {page.isError ? (
            <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
          ) : !page.data ? (
            <Loader size="sm" role="status" aria-label={t('admin.loading')} />
          ) : page.data.items.length === 0 ? (
            <Text>{t('admin.audit.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="audit-table">
                <Table.Caption c={CAPTION_COLOUR}>{t('admin.audit.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.audit.colWhen')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.colAction')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.colEntity')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.colActor')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.colChange')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.colPlace')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.items.map((entry) => (
                    <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                      <Table.Td>{formatDeadline(new Date(entry.occurredAt), zone, language)}</Table.Td>
                      <Table.Td>
                        {actionWords(entry.action)} <Code>{entry.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {entry.entityType}
                        {entry.entityId ? ` ${entry.entityId}` : ''}
                      </Table.Td>
                      <Table.Td>
                        {t(`admin.actor.${entry.actorType}` as MessageKey)}
                        {entry.actorId ? ` ${entry.actorId}` : ''}
                      </Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>
                        {auditChange(entry.before, entry.after)}
                        {entry.reason ? ` — ${t('admin.audit.reason', { reason: entry.reason })}` : ''}
                      </Table.Td>
                      <Table.Td>{entry.regionCode ?? entry.provinceCode ?? t('admin.national')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group gap="sm">
            {cursors.length > 0 && (
              <Button variant="subtle" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('admin.audit.newer')}
              </Button>
            )}
            {page.data?.nextCursor && (
              <Button variant="subtle" onClick={() => setCursors([...cursors, page.data!.nextCursor!])}>
                {t('admin.audit.older')}
              </Button>
            )}
          </Group>
        </>
      )}
    </AdminPage>
  );
}

export const Route = createLazyRoute('/manage/audit')({ component: AuditPage });
