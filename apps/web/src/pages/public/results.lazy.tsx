import { Alert, Anchor, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, createLazyRoute, useNavigate, useParams } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION, READABLE_HINT } from '../review/readable';
import { BandChart } from './band-chart';
import { bandLabel, formatDecreeDate } from './bands';
import { PublicLoadError, useDecreedYears, useYearResults } from './public-data';
import { chosenYear, groupByProvince, searchRegions, yearFromPath, type DecreedYear, type YearResults } from './public-results';

/** /results and /results/<year>: every regency's and city's decreed band, by province, with a search and the shares chart. */
function ResultsPage() {
  const { t } = useLanguage();
  const params = useParams({ strict: false }) as { year?: string };
  const years = useDecreedYears();
  const year = chosenYear(years.data ?? [], yearFromPath(params.year));
  const results = useYearResults(years.isSuccess ? year : null);

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('public.title')}</Title>
      {years.isError || results.isError ? (
        <Alert color="red" role="alert">
          {loadErrorText(years.error ?? results.error) ?? t('public.loadFailed')}
        </Alert>
      ) : years.isPending || (year !== null && results.isPending) ? (
        <Loader size="sm" role="status" aria-label={t('public.loading')} />
      ) : year === null ? (
        <NotAnnounced body={t('public.notAnnouncedBody')} />
      ) : (
        <>
          <YearPicker years={years.data ?? []} year={year} />
          {results.data?.announced ? <YearResultsView results={results.data.results} /> : <NotAnnounced body={t('public.notAnnouncedYear', { year })} />}
        </>
      )}
    </Stack>
  );
}

function loadErrorText(error: unknown): string | null {
  return error instanceof PublicLoadError ? error.apiMessage : null;
}

function NotAnnounced({ body }: { body: string }) {
  const { t } = useLanguage();
  return (
    <Stack gap="xs" data-testid="not-announced">
      <Title order={2}>{t('public.notAnnounced')}</Title>
      <Text>{body}</Text>
    </Stack>
  );
}

function YearPicker({ years, year }: { years: readonly DecreedYear[]; year: number }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const options = years.map((item) => ({ value: String(item.dataYear), label: t('public.yearOption', { year: item.dataYear, award: item.awardYear }) }));
  // A year typed into the address that has no decree still shows in the picker, so the page says which year it is about.
  if (!years.some((item) => item.dataYear === year)) options.unshift({ value: String(year), label: String(year) });
  return (
    <NativeSelect
      id="public-year"
      label={t('public.year')}
      data={options}
      value={String(year)}
      onChange={(event) => void navigate({ to: '/results/$year', params: { year: event.currentTarget.value } })}
      maw={360}
    />
  );
}

function YearResultsView({ results }: { results: YearResults }) {
  const { t, language } = useLanguage();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const found = searchRegions(results.regions, deferredQuery);
  const groups = groupByProvince(found);

  return (
    <>
      <Text>{t('public.intro')}</Text>
      <Text data-testid="decree">{t('public.decree', { number: results.decree.number, date: formatDecreeDate(results.decree.date, language) })}</Text>
      {results.regions.length === 0 ? (
        <Text>{t('public.noResults')}</Text>
      ) : (
        <>
          <BandChart provinces={results.provinces} bands={results.bands} />
          <Stack gap="md" component="section" aria-labelledby="by-province-title">
            <Title order={2} id="by-province-title">
              {t('public.byProvince')}
            </Title>
            <div role="search">
              <TextInput
                id="public-search"
                type="search"
                label={t('public.search')}
                description={t('public.searchHint')}
                styles={READABLE_HINT}
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                maw={480}
                autoComplete="off"
              />
            </div>
            <Text role="status" data-testid="found-count">
              {found.length === 0 ? t('public.noMatch', { query: query.trim() }) : t('public.found', { n: found.length })}
            </Text>
            {groups.map((group) => (
              <section key={group.code} aria-labelledby={`province-${group.code}`} data-testid="province-group">
                <Title order={3} id={`province-${group.code}`} mb="xs">
                  {group.name}
                </Title>
                <Table striped>
                  <Table.Caption style={READABLE_CAPTION}>{t('public.provinceCaption', { province: group.name })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('public.colRegion')}</Table.Th>
                      <Table.Th scope="col">{t('public.colBand')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.regions.map((region) => (
                      <Table.Tr key={region.code} data-testid="region-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/results/regions/${region.code}`}>
                            {region.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{bandLabel(t, region.band)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
            ))}
          </Stack>
        </>
      )}
    </>
  );
}

export const Route = createLazyRoute('/results')({ component: ResultsPage });
export const YearRoute = createLazyRoute('/results/$year')({ component: ResultsPage });
