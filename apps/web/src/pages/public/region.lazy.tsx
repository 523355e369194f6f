import { Alert, Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION } from '../review/readable';
import { bandLabel, formatDecreeDate } from './bands';
import { PublicLoadError, useRegionHistory } from './public-data';

/** /results/regions/<code>: one regency's or city's band in every data year announced so far. */
function RegionPage() {
  const { t, language } = useLanguage();
  const { code } = useParams({ from: '/results/regions/$code' });
  const history = useRegionHistory(code);
  const back = (
    <Anchor component={Link} to="/results">
      {t('public.backToResults')}
    </Anchor>
  );

  if (history.isPending) return <Loader size="sm" role="status" aria-label={t('public.loading')} />;
  if (history.isError) {
    const error = history.error;
    const notFound = error instanceof PublicLoadError && (error.status === 404 || error.status === 400);
    return (
      <Stack gap="lg" maw={960}>
        <Title order={1}>{t('public.title')}</Title>
        <Alert color="red" role="alert">
          {notFound ? t('public.regionNotFound') : ((error instanceof PublicLoadError ? error.apiMessage : null) ?? t('public.loadFailed'))}
        </Alert>
        {back}
      </Stack>
    );
  }
  const region = history.data;
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('public.regionTitle', { name: region.name })}</Title>
      <Text>{t('public.regionIntro', { province: region.provinceName })}</Text>
      {region.years.length === 0 ? (
        <Text data-testid="region-none">{t('public.regionNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped data-testid="region-years">
            <Table.Caption style={READABLE_CAPTION}>{t('public.regionCaption', { name: region.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('public.colYear')}</Table.Th>
                <Table.Th scope="col">{t('public.colBand')}</Table.Th>
                <Table.Th scope="col">{t('public.colDecree')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {region.years.map((year) => (
                <Table.Tr key={year.dataYear}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/results/${year.dataYear}`}>
                      {year.dataYear}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{bandLabel(t, year.band)}</Table.Td>
                  <Table.Td>{t('public.decreeCell', { number: year.decree.number, date: formatDecreeDate(year.decree.date, language) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {back}
    </Stack>
  );
}

export const Route = createLazyRoute('/results/regions/$code')({ component: RegionPage });
