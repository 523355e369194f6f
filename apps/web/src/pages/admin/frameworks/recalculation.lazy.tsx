import { Alert, List, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { createLazyRoute, useParams } from '@tanstack/react-router';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { formatDeadline } from '../../../lib/deadline';
import { AnchorLink } from '../../report/links';
import { AdminOnly } from './admin-only';
import { BandChangeTable } from './band-changes';
import { useRun } from './frameworks-data';
import { runProgress } from './frameworks-model';
import { useViewerZone } from './use-viewer-zone';

/** A recalculation run: its progress live (asked every second) and, once finished, the regions whose band changed. */
function RecalculationPage() {
  const { t, language } = useLanguage();
  const zone = useViewerZone();
  const { id } = useParams({ from: '/manage/recalculations/$id' });
  const run = useRun(id);
  if (run.isPending) return <Loader size="sm" aria-label={t('frameworks.loading')} />;
  if (run.isError) return <Alert color="red">{t('frameworks.loadFailed')}</Alert>;
  const report = run.data;
  const progress = runProgress(report);
  const when = (iso: string | null) => (iso ? formatDeadline(new Date(iso), zone, language) : '—');
  return (
    <Stack gap="lg">
      <AnchorLink to="/manage/frameworks">{t('frameworks.back')}</AnchorLink>
      <Title order={1}>{t('frameworks.run.title')}</Title>
      <section aria-labelledby="run-progress-title">
        <Title order={2} size="h3" id="run-progress-title" mb="xs">
          {t('frameworks.run.progress')}
        </Title>
        <Progress.Root size="lg" data-testid="run-progress">
          <Progress.Section value={progress.percent} aria-label={t('frameworks.run.progressLabel')} aria-valuetext={`${progress.percent}%`} />
        </Progress.Root>
        <Text role="status" mt="xs" data-testid="run-status">
          {t(`frameworks.runStatus.${report.status}` as MessageKey)} ·{' '}
          {t('frameworks.run.counts', { processed: progress.processed, total: progress.total, percent: progress.percent, failed: report.failed })}
        </Text>
        <Text size="sm">
          {t('frameworks.run.started', { when: when(report.startedAt) })} · {t('frameworks.run.finished', { when: when(report.finishedAt) })}
        </Text>
      </section>
      {progress.finished ? (
        <section aria-labelledby="run-report-title" data-testid="run-report">
          <Title order={2} size="h3" id="run-report-title" mb="xs">
            {t('frameworks.run.reportTitle')}
          </Title>
          <Text mb="xs">{t('frameworks.run.reportSummary', { changed: report.bandChanges.length, total: report.total })}</Text>
          <BandChangeTable changes={report.bandChanges} caption={t('frameworks.run.caption')} />
          {report.failures.length > 0 && (
            <>
              <Text fw={600} mt="sm">
                {t('frameworks.failures', { n: report.failures.length })}
              </Text>
              <List size="sm">
                {report.failures.map((item) => (
                  <List.Item key={item.submissionId}>{item.error}</List.Item>
                ))}
              </List>
            </>
          )}
        </section>
      ) : (
        <Text>{t('frameworks.run.wait')}</Text>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/manage/recalculations/$id')({
  component: () => (
    <AdminOnly>
      <RecalculationPage />
    </AdminOnly>
  ),
});
