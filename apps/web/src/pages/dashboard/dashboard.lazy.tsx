import { Alert, Stack, Text, Title } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from '../review/review-data';
import { BandsPanel } from './bands-panel';
import { useCycleChoice } from './cycle-choice';
import { openedPeriods, periodKeyOf, usesDashboard } from './dashboard-model';
import { PembinaPanel } from './pembina-panel';
import { ReturnsPanel } from './returns-panel';
import { TimelinessPanel } from './timeliness-panel';

/** Dasbor: how the country (or a Kanwil's province) stands in a cycle: bands, timeliness, what is returned, pembina. */
function DashboardPage() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  const { programme, cycles, cycle, periods, period, today, pickers } = useCycleChoice('dashboard');
  const opened = openedPeriods(periods.data ?? [], today).map((item) => item.code);

  if (roles.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  if (roles.data && !usesDashboard(roles.data)) return <Alert color="gray">{t('dashboard.notAllowed')}</Alert>;
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('dashboard.title')}</Title>
      <Text>{t('dashboard.intro')}</Text>
      {pickers}
      {cycles.isError || periods.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : cycles.data?.length === 0 ? (
        <Text>{t('dashboard.noCycles')}</Text>
      ) : periods.data?.length === 0 ? (
        <Text>{t('dashboard.noPeriods')}</Text>
      ) : (
        cycle &&
        period && (
          <Stack gap="lg">
            <BandsPanel cycleId={cycle.id} periodKey={periodKeyOf(cycle.year, period.code)} />
            <TimelinessPanel cycleId={cycle.id} periodCodes={opened} />
            <ReturnsPanel cycleId={cycle.id} periodCode={period.code} />
            {programme === 'KKP_HAM' && <PembinaPanel cycleId={cycle.id} />}
          </Stack>
        )
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/dashboard')({ component: DashboardPage });
