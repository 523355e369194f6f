import { Alert, Anchor, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION, READABLE_HINT } from './readable';
import { organisationLookup, placeNames, regionLookup, reporterName } from './queue-names';
import { useMyRoles, useOrganisationNames, useRegionNames, useReviewQueue } from './review-data';
import { NO_FILTERS, stagesForRoles, waitingForMe, type Programme, type QueueFilters, type ReviewStage } from './review-queue';

const PROGRAMMES: readonly Programme[] = ['KKP_HAM', 'RANHAM'];
const ANY = 'ANY';

/** Tinjauan: what waits for my decision, oldest first, narrowed by programme, period and stage. */
function ReviewQueuePage() {
  const { t, language } = useLanguage();
  const roles = useMyRoles();
  const myStages = stagesForRoles(roles.data ?? []);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const queue = useReviewQueue(myStages, filters);
  const items = waitingForMe(queue.data ?? [], myStages, filters);
  // Names for the whole queue in one lookup each; until they arrive (or if they fail) a row shows the codes.
  const regions = useRegionNames(regionLookup(queue.data ?? []));
  const organisations = useOrganisationNames(organisationLookup(queue.data ?? []));
  const names = placeNames(regions.data ?? [], organisations.data ?? []);
  const dateFormat = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long' });

  if (roles.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('review.queueTitle')}</Title>
      <Text>{t('review.queueIntro')}</Text>
      {roles.isSuccess && myStages.length === 0 && <Alert color="gray">{t('review.notAReviewer')}</Alert>}
      <Group align="flex-end" gap="md" role="search" aria-label={t('review.filters')}>
        <Select
          id="filter-programme"
          label={t('review.filterProgramme')}
          data={[{ value: ANY, label: t('review.any') }, ...PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))]}
          value={filters.programme ?? ANY}
          onChange={(value) => setFilters({ ...filters, programme: !value || value === ANY ? null : (value as Programme) })}
          allowDeselect={false}
        />
        <TextInput
          id="filter-period"
          label={t('review.filterPeriod')}
          description={t('review.filterPeriodHint')}
          styles={READABLE_HINT}
          value={filters.periodKey}
          onChange={(event) => setFilters({ ...filters, periodKey: event.currentTarget.value })}
        />
        {myStages.length > 1 && (
          <Select
            id="filter-stage"
            label={t('review.filterStage')}
            data={[{ value: ANY, label: t('review.any') }, ...myStages.map((s) => ({ value: s, label: t(`review.stage.${s}`) }))]}
            value={filters.stage ?? ANY}
            onChange={(value) => setFilters({ ...filters, stage: !value || value === ANY ? null : (value as ReviewStage) })}
            allowDeselect={false}
          />
        )}
      </Group>
      {queue.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : roles.isPending || (myStages.length > 0 && queue.isPending) ? (
        <Loader size="sm" role="status" aria-label={t('home.loading')} />
      ) : items.length === 0 ? (
        <Text data-testid="queue-empty">{t('review.queueEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="review-queue">
            <Table.Caption style={READABLE_CAPTION}>{t('review.queueCaption', { n: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review.colReport')}</Table.Th>
                <Table.Th scope="col">{t('review.colStage')}</Table.Th>
                <Table.Th scope="col">{t('review.colSubmitted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="queue-item">
                  <Table.Td>
                    <Anchor component={Link} to={`/review/${item.id}`}>
                      {t(`programme.${item.programme}`)} · {item.periodKey} · {reporterName(item, names)}
                    </Anchor>
                    {item.submitCount > 1 && <Text size="xs">{t('review.resubmitted', { n: item.submitCount })}</Text>}
                  </Table.Td>
                  <Table.Td>{item.reviewStage && t(`review.stage.${item.reviewStage}`)}</Table.Td>
                  <Table.Td>{item.submittedAt ? dateFormat.format(new Date(item.submittedAt)) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/review')({ component: ReviewQueuePage });
