import { Stack, Text, Title } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { formatDecreeDate } from '../public/bands';
import { useScoreCycles } from '../scores/scores-data';
import { PrintButton } from './print-button';
import { readPrinted, requestPrinted, usePrintedOf } from './printed-data';
import { currentCertificate, printOffers, yearOfPeriod } from './printed-model';

interface ScoreSubject {
  submissionId: string;
  regionCode: string | null;
  organisationId: string | null;
  periodKey: string;
}

/** A regency/city's certificate of a decreed KKP HAM cycle, made by the system when the decree was recorded. */
function Certificate({ regionCode, cycle }: { regionCode: string; cycle: { id: string; decree: { number: string; date: string } } }) {
  const { t, language } = useLanguage();
  const certificates = usePrintedOf('CERTIFICATE', { regionCode, cycleId: cycle.id }, { pageSize: 5, pollWhilePending: true });
  const certificate = currentCertificate(certificates.data ?? []);
  return (
    <Stack gap="xs" data-testid="certificate">
      <Title order={3} size="h4">
        {t('printed.certificateTitle')}
      </Title>
      <Text size="sm">{t('printed.certificateDecree', { number: cycle.decree.number, date: formatDecreeDate(cycle.decree.date, language) })}</Text>
      {certificates.isError ? (
        <Text size="sm">{t('printed.loadFailed')}</Text>
      ) : !certificates.data ? null : certificate ? (
        // The certificate's row already exists: the button reads it afresh, waits while it is made, and downloads it.
        <PrintButton label={t('printed.certificate')} start={() => readPrinted(certificate.id)} testId="print-certificate" />
      ) : (
        <Text size="sm">{t('printed.noCertificate')}</Text>
      )}
    </Stack>
  );
}

/**
 * The score's page's printed documents: the KKP HAM score report, or the RANHAM period report and the reporter's
 * yearly summary; and, for a regency/city under a decreed KKP HAM cycle, its certificate when it has one.
 */
export function ScoreDocuments({ programme, score }: { programme: 'KKP_HAM' | 'RANHAM'; score: ScoreSubject }) {
  const { t } = useLanguage();
  const cycles = useScoreCycles(programme);
  const year = yearOfPeriod(score.periodKey);
  const cycle = cycles.data?.find((candidate) => candidate.year === year) ?? null;
  const offers = printOffers(programme, score, programme === 'RANHAM' ? (cycle?.id ?? null) : null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="score-printed">
      <Title order={2} id="score-printed">
        {t('printed.title')}
      </Title>
      <Text size="sm">{t('printed.intro')}</Text>
      {offers.map((offer) => (
        <PrintButton key={offer.kind} label={t(offer.label)} start={() => requestPrinted(offer.body)} testId={`print-${offer.kind}`} />
      ))}
      {programme === 'KKP_HAM' &&
        score.regionCode &&
        cycle &&
        (cycle.decree ? <Certificate regionCode={score.regionCode} cycle={{ id: cycle.id, decree: cycle.decree }} /> : <Text size="sm">{t('printed.noDecree')}</Text>)}
    </Stack>
  );
}
