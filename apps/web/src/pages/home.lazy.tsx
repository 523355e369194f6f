import { Alert, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { StatusBadge } from '../app/status-badge';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages';
import { describeDeadline, zoneOfOrganisation } from '../lib/deadline';
import { CompileHomeLink } from './compile/compile-home-link';
import { AssignmentsHomeLink } from './assignments/assignments-home-link';
import { DashboardHomeLink } from './dashboard/dashboard-home-link';
import { FrameworksHomeLink } from './admin/frameworks/frameworks-home-link';
import { ScoresHomeLink } from './scores/scores-home-link';
import { HomeDocuments } from './printed/home-documents';
import { AdminHomeLink } from './admin/admin-home-link';
import { CompletenessHomeLink } from './completeness/completeness-home-link';
import { OpenReportLink, StartReportButton } from './report/report-links';
import { useMe, useMySubmissions, useOpenPeriods, useOrganisation, useReturnReason, type SubmissionSummary } from './home-data';

function ReturnReason({ submission }: { submission: SubmissionSummary }) {
  const { t } = useLanguage();
  const review = useReturnReason(submission).data;
  if (!review) return null;
  const lines = [...review.reasons.map((r) => (r.indicatorCode ? `${r.indicatorCode}: ${r.message}` : r.message)), ...(review.comment ? [review.comment] : [])];
  return (
    <Stack gap={2} mt="xs">
      <Text size="sm" fw={600}>
        {t('home.returnedReason')}
      </Text>
      <List size="sm">
        {lines.map((line, index) => (
          <List.Item key={index}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function HomePage() {
  const { t, language } = useLanguage();
  const me = useMe();
  const organisationId = me.data?.user?.organisationId ?? null;
  const organisation = useOrganisation(organisationId);
  // The deadline is read in the viewer's organisation's zone; without an organisation (national roles), WIB.
  const zoneKnown = me.isSuccess && (!organisationId || organisation.isSuccess || organisation.isError);
  const zone = zoneKnown ? zoneOfOrganisation(organisation.data?.provinceCode) : undefined;
  const periods = useOpenPeriods(zone);
  const submissions = useMySubmissions(organisationId, me.isSuccess);
  const now = new Date();

  if (me.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('home.title')}</Title>
      {me.data?.user && <Text>{t('home.greeting', { name: me.data.user.displayName })}</Text>}
      {organisation.data && <Text>{organisation.data.name}</Text>}
      {/* Each card shows itself only to the roles that use its pages; an operator sees none. */}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CompileHomeLink />
        <AssignmentsHomeLink />
        <CompletenessHomeLink />
        <ScoresHomeLink />
        <DashboardHomeLink />
        <FrameworksHomeLink />
        <AdminHomeLink />
      </SimpleGrid>

      <section aria-labelledby="open-periods">
        <Title order={2} size="h3" id="open-periods" mb="sm">
          {t('home.openPeriods')}
        </Title>
        {periods.isPending ? (
          <Loader size="sm" aria-label={t('home.loading')} />
        ) : periods.isError ? (
          <Alert color="red">{t('home.loadFailed')}</Alert>
        ) : periods.data.length === 0 ? (
          <Text>{t('home.noOpenPeriods')}</Text>
        ) : (
          <Stack gap="sm">
            {periods.data.map(({ cycle, period }) => (
              <Card key={period.id} withBorder data-testid="open-period">
                <Text fw={600}>
                  {cycle.label} · {t('home.period', { code: period.code })}
                </Text>
                <Text size="sm">
                  {t('home.deadline')}: <span data-testid="deadline">{describeDeadline(now, new Date(period.deadlineByZone[zone!]), zone!, language)}</span>
                </Text>
                {/* Only while this organisation has no report for the period yet; otherwise it is under "Laporan saya". */}
                {submissions.data && !submissions.data.some((s) => s.programme === cycle.programme && s.periodKey === `${cycle.year}-${period.code}`) && (
                  <StartReportButton programme={cycle.programme} periodKey={`${cycle.year}-${period.code}`} organisationId={organisationId} />
                )}
              </Card>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="my-submissions">
        <Title order={2} size="h3" id="my-submissions" mb="sm">
          {t('home.mySubmissions')}
        </Title>
        {submissions.isPending ? (
          <Loader size="sm" aria-label={t('home.loading')} />
        ) : submissions.isError ? (
          <Alert color="red">{t('home.loadFailed')}</Alert>
        ) : submissions.data.length === 0 ? (
          <Text>{t('home.noSubmissions')}</Text>
        ) : (
          <Stack gap="sm">
            {submissions.data.map((submission) => (
              <Card key={submission.id} withBorder data-testid="submission">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600}>
                    {t(`programme.${submission.programme}` as MessageKey)} · {t('home.period', { code: submission.periodKey })}
                  </Text>
                  <StatusBadge status={submission.status} />
                </Group>
                <ReturnReason submission={submission} />
                <OpenReportLink submissionId={submission.id} />
              </Card>
            ))}
          </Stack>
        )}
      </section>

      {/* After the tasks: documents already made for the viewer's regency/city, when there are any. */}
      <HomeDocuments organisation={organisation.data} />
    </Stack>
  );
}

export const Route = createLazyRoute('/')({ component: HomePage });
