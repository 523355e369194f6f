import { Alert, Box, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from '../report/links';
import type { MessageKey } from '../../i18n/messages';
import { bandColour } from '../public/bands';
import { READABLE_CAPTION } from '../review/readable';
import { useMyRoles } from '../review/review-data';
import { scoreBandLabel } from './band-label';
import { useRegionsByCode } from '../../lib/regions';
import { useOrganisationName, useReporterScores, useScoreCycles, useScorePeriods } from './scores-data';
import { NO_FILTERS, PAGE_SIZE, bandsOf, formatScore, provincesInScope, readsScores, versionNumber, type Programme, type ScoreFilters, type ScoreView } from './scores-model';

const PROGRAMMES: readonly Programme[] = ['KKP_HAM', 'RANHAM'];
const ANY = '';

/** A reporter's name: its regency/city from the regions list, or its organisation's name when it has none. */
function ReporterName({ score, regionName }: { score: ScoreView; regionName: string | undefined }) {
  const { t } = useLanguage();
  const organisation = useOrganisationName(score.regionCode ? null : score.organisationId);
  const name = regionName ?? organisation.data ?? t('scores.reporterUnknown', { code: score.regionCode ?? score.organisationId ?? '' });
  return (
    <AnchorLink to="/scores/$id" params={{ id: score.id }}>
      {name}
    </AnchorLink>
  );
}

/** Nilai: the current score of every reporter of a cycle in the caller's scope, filtered, each opening its breakdown. */
function ScoresPage() {
  const { t, language } = useLanguage();
  const roles = useMyRoles();
  const [programme, setProgramme] = useState<Programme>('KKP_HAM');
  const [chosenCycle, setChosenCycle] = useState<string | null>(null);
  const [filters, setFilters] = useState<ScoreFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);

  const cycles = useScoreCycles(programme);
  const cycle = cycles.data?.find((c) => c.id === chosenCycle) ?? cycles.data?.[0];
  const periods = useScorePeriods(cycle?.id);
  const regions = useRegionsByCode();
  const scores = useReporterScores(cycle?.id, filters, page);

  const scope = useMemo(() => (roles.data ? provincesInScope(roles.data) : null), [roles.data]);
  const provinces = useMemo(() => {
    const names = new Map<string, string>();
    for (const region of regions.data?.values() ?? []) if (!scope || scope.has(region.provinceCode)) names.set(region.provinceCode, region.provinceName);
    return [...names].sort((a, b) => a[0].localeCompare(b[0])).map(([value, label]) => ({ value, label }));
  }, [regions.data, scope]);

  const narrow = (next: ScoreFilters) => {
    setFilters(next);
    setPage(1);
  };

  if (roles.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  if (roles.data && !readsScores(roles.data)) return <Alert color="gray">{t('scores.notAllowed')}</Alert>;
  const total = scores.data?.total ?? 0;
  const from = (page - 1) * PAGE_SIZE + 1;
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('scores.title')}</Title>
      <Text>{t('scores.intro')}</Text>

      <Group align="flex-end" gap="md" wrap="wrap" role="group" aria-label={t('scores.choose')}>
        <NativeSelect
          id="scores-programme"
          label={t('scores.programme')}
          data={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
          value={programme}
          onChange={(event) => {
            setProgramme(event.currentTarget.value as Programme);
            setChosenCycle(null);
            narrow(NO_FILTERS);
          }}
        />
        <NativeSelect
          id="scores-cycle"
          label={t('scores.cycle')}
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.label }))}
          value={cycle?.id ?? ''}
          disabled={!cycles.data?.length}
          onChange={(event) => {
            setChosenCycle(event.currentTarget.value);
            narrow({ ...filters, periodKey: null });
          }}
        />
      </Group>

      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('scores.filters')}>
        <NativeSelect
          id="scores-period"
          label={t('scores.period')}
          data={[{ value: ANY, label: t('scores.any') }, ...(periods.data ?? []).map((p) => ({ value: `${cycle?.year}-${p.code}`, label: p.code }))]}
          value={filters.periodKey ?? ANY}
          onChange={(event) => narrow({ ...filters, periodKey: event.currentTarget.value || null })}
        />
        {provinces.length > 1 && (
          <NativeSelect
            id="scores-province"
            label={t('scores.province')}
            data={[{ value: ANY, label: t('scores.any') }, ...provinces]}
            value={filters.provinceCode ?? ANY}
            onChange={(event) => narrow({ ...filters, provinceCode: event.currentTarget.value || null })}
          />
        )}
        <NativeSelect
          id="scores-band"
          label={t('scores.band')}
          data={[{ value: ANY, label: t('scores.any') }, ...bandsOf(programme).map((band) => ({ value: band, label: scoreBandLabel(t, band) }))]}
          value={filters.band ?? ANY}
          onChange={(event) => narrow({ ...filters, band: event.currentTarget.value || null })}
        />
      </Group>

      {cycles.isError || scores.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : cycles.data?.length === 0 ? (
        <Text>{t('scores.noCycles')}</Text>
      ) : !scores.data ? (
        <Loader size="sm" role="status" aria-label={t('home.loading')} />
      ) : scores.data.items.length === 0 ? (
        <Text data-testid="scores-empty">{t('scores.empty')}</Text>
      ) : (
        <>
          <Text role="status" data-testid="scores-shown">
            {t('scores.shown', { from, to: from + scores.data.items.length - 1, total })}
          </Text>
          <Box role="region" aria-label={t('scores.tableCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table striped miw={720} data-testid="scores-table">
              <Table.Caption style={READABLE_CAPTION}>{t('scores.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('scores.colReporter')}</Table.Th>
                  <Table.Th scope="col">{t('scores.colPeriod')}</Table.Th>
                  <Table.Th scope="col">{t('scores.colVersion')}</Table.Th>
                  <Table.Th scope="col">{t('scores.colBasis')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('scores.colTotal')}
                  </Table.Th>
                  <Table.Th scope="col">{t('scores.colBand')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scores.data.items.map((score) => (
                  <Table.Tr key={score.id} data-testid="score-row">
                    <Table.Th scope="row" fw={400}>
                      <ReporterName score={score} regionName={score.regionCode ? regions.data?.get(score.regionCode)?.name : undefined} />
                    </Table.Th>
                    <Table.Td>{score.periodKey}</Table.Td>
                    <Table.Td>{versionNumber(score.frameworkVersion)}</Table.Td>
                    <Table.Td>{t(`scores.basis.${score.basis}` as MessageKey)}</Table.Td>
                    <Table.Td ta="right">{formatScore(score.total, language)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Box w={12} h={12} style={{ background: bandColour(score.band), borderRadius: 2, flex: 'none' }} aria-hidden />
                        <span>{scoreBandLabel(t, score.band)}</span>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {total > PAGE_SIZE && (
            <Group gap="sm">
              <Button variant="default" disabled={page === 1} onClick={() => setPage(page - 1)}>
                {t('scores.previous')}
              </Button>
              <Button variant="default" disabled={page * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
                {t('scores.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/scores')({ component: ScoresPage });
