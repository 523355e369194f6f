import { Card, Stack, Text, Title } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { formatDeadline, zoneOfOrganisation } from '../../lib/deadline';
import { PrintButton } from './print-button';
import { readPrinted, usePrintedOf } from './printed-data';
import type { PrintedReport } from './printed-model';

function DocumentRow({ report, zone, testId }: { report: PrintedReport; zone: ReturnType<typeof zoneOfOrganisation>; testId: string }) {
  const { t, language } = useLanguage();
  return (
    <Stack gap={2}>
      {report.readyAt && <Text size="sm">{t('printed.madeOn', { date: formatDeadline(new Date(report.readyAt), zone, language) })}</Text>}
      <PrintButton label={t('printed.downloadNamed', { name: report.fileName })} start={() => readPrinted(report.id)} testId={testId} />
    </Stack>
  );
}

/**
 * Beranda's printed documents for a regency's or city's people: its certificates and its latest score report, both
 * already made (nothing is asked for from here). Two small list reads by region; shown only when there is something
 * to download, so the card never adds an empty box to an operator's Beranda.
 */
export function HomeDocuments({ organisation }: { organisation: { regionCode: string | null; provinceCode: string | null } | undefined }) {
  const { t } = useLanguage();
  const subject = organisation?.regionCode ? { regionCode: organisation.regionCode } : null;
  const certificates = usePrintedOf('CERTIFICATE', subject, { pageSize: 5 });
  const scoreReports = usePrintedOf('KKP_SCORE_REPORT', subject, { pageSize: 5 });
  const ready = (certificates.data ?? []).filter((report) => report.status === 'READY');
  const latestScoreReport = (scoreReports.data ?? []).find((report) => report.status === 'READY');
  if (!subject || (ready.length === 0 && !latestScoreReport)) return null;
  const zone = zoneOfOrganisation(organisation?.provinceCode);
  return (
    <section aria-labelledby="printed-documents">
      <Title order={2} size="h3" id="printed-documents" mb="sm">
        {t('printed.homeTitle')}
      </Title>
      <Card withBorder data-testid="home-documents">
        <Stack gap="md">
          {ready.length > 0 && (
            <Stack gap="xs">
              <Text fw={600}>{t('printed.homeCertificates')}</Text>
              {ready.map((report) => (
                <DocumentRow key={report.id} report={report} zone={zone} testId="home-certificate" />
              ))}
            </Stack>
          )}
          {latestScoreReport && (
            <Stack gap="xs">
              <Text fw={600}>{t('printed.homeScoreReport')}</Text>
              <DocumentRow report={latestScoreReport} zone={zone} testId="home-score-report" />
            </Stack>
          )}
        </Stack>
      </Card>
    </section>
  );
}
