import { Alert, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { describeApiError } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { formatDeadline } from '../../../lib/deadline';
import { AnchorLink } from '../../report/links';
import { AdminOnly } from './admin-only';
import { startDraft, useRecentRuns, useVersions } from './frameworks-data';
import { sortVersions, type VersionSummary } from './frameworks-model';
import { ImportForm } from './import-form';
import { useViewerZone } from './use-viewer-zone';
import { VersionStatusBadge } from './version-status';

/** A published version is copied into a new draft to change it; the API refuses a second open draft of a code. */
function NewDraftButton({ version, onError }: { version: VersionSummary; onError(text: string): void }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    try {
      const { data, error } = await startDraft(version.id);
      if (data) await navigate({ to: '/manage/frameworks/$id', params: { id: data.id } });
      else onError(describeApiError(error).join(' '));
    } catch {
      onError(t('form.network'));
    } finally {
      setSending(false);
    }
  };
  return (
    <Button size="xs" variant="default" onClick={start} loading={sending} aria-label={t('frameworks.list.newDraftOf', { code: version.frameworkCode, version: version.version })}>
      {t('frameworks.list.newDraft')}
    </Button>
  );
}

function RecentRuns() {
  const { t, language } = useLanguage();
  const zone = useViewerZone();
  const runs = useRecentRuns();
  if (!runs.data || runs.data.length === 0) return null;
  return (
    <section aria-labelledby="recent-runs-title">
      <Title order={2} size="h3" id="recent-runs-title" mb="xs">
        {t('frameworks.runs.recent')}
      </Title>
      <Stack gap={4}>
        {runs.data.slice(0, 5).map((run) => (
          <AnchorLink key={run.id} to="/manage/recalculations/$id" params={{ id: run.id }}>
            {t('frameworks.runs.item', {
              when: formatDeadline(new Date(run.createdAt), zone, language),
              status: t(`frameworks.runStatus.${run.status}` as MessageKey),
              done: run.done,
              total: run.total,
            })}
          </AnchorLink>
        ))}
      </Stack>
    </section>
  );
}

/** Kerangka: every framework version with its status, a file imported as a new draft, and the latest recalculations. */
function FrameworksPage() {
  const { t, language } = useLanguage();
  const zone = useViewerZone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const versions = useVersions();
  const [draftError, setDraftError] = useState<string | null>(null);
  const rows = sortVersions(versions.data ?? []);
  const openDraftCodes = new Set(rows.filter((row) => row.status === 'DRAFT').map((row) => row.frameworkCode));
  const latestPublished = new Set(
    rows.filter((row) => row.status === 'PUBLISHED' && !rows.some((other) => other.frameworkCode === row.frameworkCode && other.status === 'PUBLISHED' && other.version > row.version)),
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{t('frameworks.title')}</Title>
      <Text>{t('frameworks.intro')}</Text>
      <section aria-labelledby="versions-title">
        <Title order={2} size="h3" id="versions-title" mb="xs">
          {t('frameworks.list.title')}
        </Title>
        {draftError && (
          <Alert color="red" mb="sm" role="alert">
            {draftError}
          </Alert>
        )}
        {versions.isPending ? (
          <Loader size="sm" aria-label={t('frameworks.loading')} />
        ) : versions.isError ? (
          <Alert color="red">{t('frameworks.loadFailed')}</Alert>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder striped data-testid="versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('frameworks.list.framework')}</Table.Th>
                  <Table.Th scope="col">{t('frameworks.list.version')}</Table.Th>
                  <Table.Th scope="col">{t('frameworks.list.status')}</Table.Th>
                  <Table.Th scope="col">{t('frameworks.list.published')}</Table.Th>
                  <Table.Th scope="col">{t('frameworks.list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="version-row">
                    <Table.Td>
                      <AnchorLink to="/manage/frameworks/$id" params={{ id: row.id }}>
                        {row.label}
                      </AnchorLink>
                      <Text size="xs">
                        {t(`programme.${row.programme}` as MessageKey)} · {row.frameworkCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.version}</Table.Td>
                    <Table.Td>
                      <VersionStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>{row.publishedAt ? formatDeadline(new Date(row.publishedAt), zone, language) : '—'}</Table.Td>
                    <Table.Td>
                      {latestPublished.has(row) && !openDraftCodes.has(row.frameworkCode) && <NewDraftButton version={row} onError={setDraftError} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <section aria-labelledby="import-new-title">
        <Title order={2} size="h3" id="import-new-title" mb="xs">
          {t('frameworks.import.newTitle')}
        </Title>
        <ImportForm
          onImported={async (version) => {
            await queryClient.invalidateQueries({ queryKey: ['framework-versions'] });
            await navigate({ to: '/manage/frameworks/$id', params: { id: version.id } });
          }}
        />
      </section>
      <RecentRuns />
    </Stack>
  );
}

export const Route = createLazyRoute('/manage/frameworks')({
  component: () => (
    <AdminOnly>
      <FrameworksPage />
    </AdminOnly>
  ),
});
