import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { createLazyRoute, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { useCycle, useCyclePeriods } from '../admin-data';
import { AdminPage } from '../admin-page';
import { ExtensionForm } from './extension-form';
import { InternalDeadlines } from './internal-deadlines';
import { Milestones } from './milestones';
import { PeriodForm, PeriodsTable } from './periods';
import { ReminderPolicy } from './reminder-policy';
import { DANGER_COLOUR } from '../admin-styles';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** One cycle's calendar: periods in every zone, milestones, internal deadlines, extensions and the reminder policy. */
function CyclePage() {
  const { t } = useLanguage();
  const { cycleId } = useParams({ from: '/manage/cycles/$cycleId' });
  const cycle = useCycle(cycleId);
  const periods = useCyclePeriods(cycleId);
  return (
    <AdminPage title={cycle.data?.label ?? t('admin.cycles.title')} allowed={(access) => access.cycles}>
      {(access) =>
        cycle.isError || periods.isError ? (
          <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
        ) : !cycle.data || !periods.data ? (
          <Loader size="sm" role="status" aria-label={t('admin.loading')} />
        ) : (
          <Stack gap="xl">
            <Text>
              {t(`programme.${cycle.data.programme}` as MessageKey)} · {t('admin.cycles.dataYear', { year: cycle.data.dataYear })}
            </Text>
            <Section id="periods-title" title={t('admin.periods.title')}>
              <Stack gap="md">
                {periods.data.length === 0 ? <Text>{t('admin.periods.none')}</Text> : <PeriodsTable periods={periods.data} />}
                {access.editCalendar && periods.data.length > 0 && <PeriodForm cycleId={cycleId} periods={periods.data} />}
              </Stack>
            </Section>
            {access.extend && periods.data.length > 0 && (
              <Section id="extensions-title" title={t('admin.extension.section')}>
                <ExtensionForm cycleId={cycleId} periods={periods.data} />
              </Section>
            )}
            {cycle.data.programme === 'KKP_HAM' && (
              <Section id="milestones-title" title={t('admin.milestones.title')}>
                <Milestones cycleId={cycleId} canEdit={access.editCalendar} />
              </Section>
            )}
            {periods.data.length > 0 && (
              <Section id="internal-title" title={t('admin.internal.title')}>
                <InternalDeadlines cycleId={cycleId} periods={periods.data} canSet={access.internalDeadlines} />
              </Section>
            )}
            <Section id="policy-title" title={t('admin.policy.title')}>
              <ReminderPolicy cycleId={cycleId} canEdit={access.editCalendar} />
            </Section>
          </Stack>
        )
      }
    </AdminPage>
  );
}

export const Route = createLazyRoute('/manage/cycles/$cycleId')({ component: CyclePage });
