import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { usePeriodTimeliness } from './dashboard-data';
import { TIMELINESS, type Timeliness } from './dashboard-model';
import { Panel } from './panel';
import { StackedChart } from './stacked-chart';

/** Far apart in lightness as well as hue, and always named in the legend and the table. */
const TIMELINESS_COLOUR: Record<Timeliness, string> = {
  ON_TIME: 'var(--mantine-color-green-9)',
  SUBMITTED_LATE: 'var(--mantine-color-yellow-5)',
  LATE: 'var(--mantine-color-red-9)',
  NOT_YET: 'var(--mantine-color-gray-5)',
};

/** Per opened period of the cycle, how the reporters' own reports stand against the deadline. */
export function TimelinessPanel({ cycleId, periodCodes }: { cycleId: string | undefined; periodCodes: readonly string[] }) {
  const { t } = useLanguage();
  const timeliness = usePeriodTimeliness(cycleId, periodCodes);
  const state = timeliness.failed ? 'failed' : timeliness.pending ? 'loading' : timeliness.rows.length === 0 ? { empty: t('dashboard.timeliness.empty') } : 'ready';
  return (
    <Panel id="timeliness" title={t('dashboard.timeliness.title')} intro={t('dashboard.timeliness.intro')} state={state}>
      <StackedChart
        id="timeliness"
        rows={timeliness.rows}
        categories={TIMELINESS.map((key) => ({ key, label: t(`dashboard.timeliness.${key}` as MessageKey), colour: TIMELINESS_COLOUR[key] }))}
        rowHeader={t('dashboard.colPeriod')}
        caption={t('dashboard.timeliness.caption')}
        nameOf={(row) => t('home.period', { code: row.name ?? row.key })}
      />
    </Panel>
  );
}
