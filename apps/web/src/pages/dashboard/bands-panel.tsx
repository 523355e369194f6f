import { useMemo } from 'react';
import { useLanguage } from '../../i18n/language';
import { bandColour, bandLabel } from '../public/bands';
import { useProvinceNames } from '../../lib/regions';
import { useReporterScores } from './dashboard-data';
import { bandDistribution, sumRows } from './dashboard-model';
import { Panel } from './panel';
import { StackedChart } from './stacked-chart';

/** The reporters' current bands per province for the chosen period: how the country (or the Kanwil's province) stands. */
export function BandsPanel({ cycleId, periodKey }: { cycleId: string | undefined; periodKey: string | undefined }) {
  const { t } = useLanguage();
  const scores = useReporterScores(cycleId, periodKey);
  const names = useProvinceNames();
  const shaped = useMemo(() => bandDistribution(scores.data ?? [], names.data ?? new Map()), [scores.data, names.data]);
  const state = scores.isError ? 'failed' : scores.isPending ? 'loading' : shaped.rows.length === 0 ? { empty: t('dashboard.bands.empty') } : 'ready';
  return (
    <Panel id="bands" title={t('dashboard.bands.title')} intro={t('dashboard.bands.intro')} state={state}>
      <StackedChart
        id="bands"
        rows={shaped.rows}
        categories={shaped.bands.map((band) => ({ key: band, label: bandLabel(t, band), colour: bandColour(band) }))}
        rowHeader={t('dashboard.colProvince')}
        caption={t('dashboard.bands.caption')}
        nameOf={(row) => row.name ?? t('dashboard.noProvince')}
        total={shaped.rows.length > 1 ? sumRows(shaped.rows, shaped.bands) : undefined}
      />
    </Panel>
  );
}
