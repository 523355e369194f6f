import { Alert, Badge, Checkbox, Group, Loader, NativeSelect, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { createLazyRoute, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import type { CompletenessSearch } from '../../router';
import { formatDeadline, localDate, zoneOfOrganisation } from '../../lib/deadline';
import { useMe, useOrganisation } from '../home-data';
import { useMyRoles } from '../review/review-data';
import { useCompleteness, useCycles, usePeriods, useProvinceNames } from './completeness-data';
import { ExportButtons } from './export-buttons';
import { CompletenessTable } from './completeness-table';
import {
  COMPLETENESS_STATUSES,
  NO_FILTERS,
  STATUS_COLOUR,
  defaultPeriod,
  filterRows,
  fitFilters,
  overseesCompleteness,
  provinceOptions,
  regionOptions,
  totalsByStatus,
  type CompletenessFilters,
  type CompletenessStatus,
  type Programme,
} from './completeness-model';

const PROGRAMMES: readonly Programme[] = ['KKP_HAM', 'RANHAM'];
const ANY = '';

/** Totals by status; each one narrows the table to that status (and back), so the count is also the way in. */
function Totals({ totals, filters, onStatus }: { totals: Record<CompletenessStatus, number>; filters: CompletenessFilters; onStatus(status: CompletenessStatus | null): void }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="completeness-totals">
      <Title order={2} size="h4" id="completeness-totals" mb="xs">
        {t('completeness.totals')}
      </Title>
      <Group gap="xs" wrap="wrap" data-testid="completeness-totals">
        {COMPLETENESS_STATUSES.map((status) => (
          <UnstyledButton
            key={status}
            aria-pressed={filters.status === status}
            onClick={() => onStatus(filters.status === status ? null : status)}
            data-testid={`total-${status}`}
            style={{ borderRadius: 4, outlineOffset: 2 }}
          >
            <Badge color={STATUS_COLOUR[status]} variant={filters.status === status ? 'outline' : 'dot'} size="lg" style={{ cursor: 'pointer', textTransform: 'none' }}>
              {t(`completeness.status.${status}` as MessageKey)}: {totals[status]}
            </Badge>
          </UnstyledButton>
        ))}
      </Group>
    </section>
  );
}

/** Kelengkapan: which units of a period have reported, filtered by place, status and lateness, with the list to download. */
function CompletenessPage() {
  const { t, language } = useLanguage();
  const roles = useMyRoles();
  // Where a reminder mail's link starts the page: its programme, cycle, period and regency/city.
  const start = useSearch({ strict: false }) as CompletenessSearch;
  const [programme, setProgramme] = useState<Programme>(start.programme ?? 'KKP_HAM');
  const [chosenCycle, setChosenCycle] = useState<string | null>(start.cycleId ?? null);
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(start.periodCode ?? null);
  const [wanted, setFilters] = useState<CompletenessFilters>(
    start.regionCode ? { ...NO_FILTERS, provinceCode: start.regionCode.slice(0, 2), regionCode: start.regionCode } : NO_FILTERS,
  );

  const cycles = useCycles(programme);
  const cycleId = cycles.data?.find((cycle) => cycle.id === chosenCycle)?.id ?? cycles.data?.[0]?.id;
  const periods = usePeriods(cycleId);
  // Period deadlines read in the viewer's organisation's zone (WIB for national roles), as everywhere in the app.
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId);
  const zone = zoneOfOrganisation(organisation.data?.provinceCode);
  const periodCode = periods.data?.find((period) => period.code === chosenPeriod)?.code ?? defaultPeriod(periods.data ?? [], localDate(new Date(), zone))?.code;
  const view = useCompleteness(cycleId, periodCode);
  const provinceNames = useProvinceNames();

  const units = useMemo(() => view.data?.units ?? [], [view.data]);
  const provinces = useMemo(() => provinceOptions(units, provinceNames.data ?? new Map()), [units, provinceNames.data]);
  const regions = useMemo(() => regionOptions(units, wanted.provinceCode), [units, wanted.provinceCode]);
  const filters = fitFilters(wanted, provinces, regions);
  const shown = useMemo(() => filterRows(units, filters), [units, filters]);
  const totals = useMemo(() => totalsByStatus(units, filters), [units, filters]);

  if (roles.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  if (roles.data && !overseesCompleteness(roles.data)) return <Alert color="gray">{t('completeness.notAllowed')}</Alert>;
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('completeness.title')}</Title>
      <Text>{t('completeness.intro')}</Text>

      <Group align="flex-end" gap="md" wrap="wrap" role="group" aria-label={t('completeness.choose')}>
        <NativeSelect
          id="completeness-programme"
          label={t('completeness.programme')}
          data={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
          value={programme}
          onChange={(event) => {
            setProgramme(event.currentTarget.value as Programme);
            setChosenCycle(null);
            setChosenPeriod(null);
          }}
        />
        <NativeSelect
          id="completeness-cycle"
          label={t('completeness.cycle')}
          data={(cycles.data ?? []).map((cycle) => ({ value: cycle.id, label: cycle.label }))}
          value={cycleId ?? ''}
          disabled={!cycles.data?.length}
          onChange={(event) => {
            setChosenCycle(event.currentTarget.value);
            setChosenPeriod(null);
          }}
        />
        <NativeSelect
          id="completeness-period"
          label={t('completeness.period')}
          data={(periods.data ?? []).map((period) => ({
            value: period.code,
            label: t('completeness.periodOption', { code: period.code, date: formatDeadline(new Date(period.deadlineByZone[zone]), zone, language) }),
          }))}
          value={periodCode ?? ''}
          disabled={!periods.data?.length}
          onChange={(event) => setChosenPeriod(event.currentTarget.value)}
        />
      </Group>

      {cycles.isError || periods.isError || view.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : cycles.data?.length === 0 ? (
        <Text>{t('completeness.noCycles')}</Text>
      ) : periods.data?.length === 0 ? (
        <Text>{t('completeness.noPeriods')}</Text>
      ) : !view.data ? (
        <Loader size="sm" role="status" aria-label={t('home.loading')} />
      ) : (
        <>
          {!view.data.deadlineSet && <Alert color="gray">{t('completeness.noDeadlineNote')}</Alert>}
          <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('completeness.filters')}>
            {provinces.length > 1 && (
              <NativeSelect
                id="completeness-province"
                label={t('completeness.province')}
                data={[{ value: ANY, label: t('completeness.any') }, ...provinces]}
                value={filters.provinceCode ?? ANY}
                onChange={(event) => setFilters({ ...filters, provinceCode: event.currentTarget.value || null, regionCode: null })}
              />
            )}
            <NativeSelect
              id="completeness-region"
              label={t('completeness.region')}
              data={[{ value: ANY, label: t('completeness.any') }, ...regions]}
              value={filters.regionCode ?? ANY}
              onChange={(event) => setFilters({ ...filters, regionCode: event.currentTarget.value || null })}
            />
            <NativeSelect
              id="completeness-status"
              label={t('completeness.status')}
              data={[{ value: ANY, label: t('completeness.any') }, ...COMPLETENESS_STATUSES.map((s) => ({ value: s, label: t(`completeness.status.${s}` as MessageKey) }))]}
              value={filters.status ?? ANY}
              onChange={(event) => setFilters({ ...filters, status: (event.currentTarget.value || null) as CompletenessStatus | null })}
            />
            <Checkbox
              id="completeness-late-only"
              label={t('completeness.lateOnly')}
              description={t('completeness.lateOnlyHint')}
              styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
              maw={320}
              checked={filters.lateOnly}
              onChange={(event) => setFilters({ ...filters, lateOnly: event.currentTarget.checked })}
            />
          </Group>

          <Totals totals={totals} filters={filters} onStatus={(status) => setFilters({ ...filters, status })} />

          <Text role="status" data-testid="completeness-shown">
            {t('completeness.shown', { n: shown.length.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB'), total: units.length.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB') })}
          </Text>
          {cycleId && periodCode && <ExportButtons selection={{ cycleId, periodCode }} filters={filters} />}
          {shown.length === 0 ? (
            <Text data-testid="completeness-empty">{t('completeness.empty')}</Text>
          ) : (
            <CompletenessTable rows={shown} roles={roles.data ?? []} cycleId={cycleId} />
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/completeness')({ component: CompletenessPage });
