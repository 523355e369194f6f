import { Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { formatDeadline, localDate, zoneOfOrganisation } from '../../lib/deadline';
import { useMe, useOrganisation } from '../home-data';
import { useCyclePeriods, useProgrammeCycles } from './cycle-data';
import { defaultPeriod, type Programme } from './dashboard-model';

const PROGRAMMES: readonly Programme[] = ['KKP_HAM', 'RANHAM'];

/**
 * The programme, cycle and period a page looks at, with their pickers: the latest cycle and the period whose deadline
 * comes next (else the last) until the person picks another. Dates read in the viewer's organisation's zone.
 */
export function useCycleChoice(idPrefix: string) {
  const { t, language } = useLanguage();
  const [programme, setProgramme] = useState<Programme>('KKP_HAM');
  const [chosenCycle, setChosenCycle] = useState<string | null>(null);
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);
  const cycles = useProgrammeCycles(programme);
  const cycle = cycles.data?.find((item) => item.id === chosenCycle) ?? cycles.data?.[0];
  const periods = useCyclePeriods(cycle?.id);
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId);
  const zone = zoneOfOrganisation(organisation.data?.provinceCode);
  const today = localDate(new Date(), zone);
  const period = periods.data?.find((item) => item.code === chosenPeriod) ?? defaultPeriod(periods.data ?? [], today);

  const pickers = (
    <Group align="flex-end" gap="md" wrap="wrap" role="group" aria-label={t('dashboard.choose')}>
      <NativeSelect
        id={`${idPrefix}-programme`}
        label={t('dashboard.programme')}
        data={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
        value={programme}
        onChange={(event) => {
          setProgramme(event.currentTarget.value as Programme);
          setChosenCycle(null);
          setChosenPeriod(null);
        }}
      />
      <NativeSelect
        id={`${idPrefix}-cycle`}
        label={t('dashboard.cycle')}
        data={(cycles.data ?? []).map((item) => ({ value: item.id, label: item.label }))}
        value={cycle?.id ?? ''}
        disabled={!cycles.data?.length}
        onChange={(event) => {
          setChosenCycle(event.currentTarget.value);
          setChosenPeriod(null);
        }}
      />
      <NativeSelect
        id={`${idPrefix}-period`}
        label={t('dashboard.period')}
        data={(periods.data ?? []).map((item) => ({
          value: item.code,
          label: t('dashboard.periodOption', { code: item.code, date: formatDeadline(new Date(item.deadlineByZone[zone]), zone, language) }),
        }))}
        value={period?.code ?? ''}
        disabled={!periods.data?.length}
        onChange={(event) => setChosenPeriod(event.currentTarget.value)}
      />
    </Group>
  );
  return { programme, cycles, cycle, periods, period, today, pickers };
}
