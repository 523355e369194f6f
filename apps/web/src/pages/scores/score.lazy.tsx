import { Alert, Anchor, Box, Group, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from '../report/links';
import type { MessageKey } from '../../i18n/messages';
import { formatDeadline, zoneOfOrganisation } from '../../lib/deadline';
import { useMe, useOrganisation } from '../home-data';
import { bandColour } from '../public/bands';
import { READABLE_CAPTION } from '../review/readable';
import { useMyRoles } from '../review/review-data';
import { ScoreDocuments } from '../printed/score-documents';
import { scoreBandLabel } from './band-label';
import { Bars } from './bars';
import { AdjustmentsTable, BreakdownTable } from './breakdown-table';
import { useExplanation, useFrameworkContent, useOrganisationName, useRegionName, useScoredSubmission, useScoreHistory } from './scores-data';
import {
  breakdownRows,
  chartBars,
  defaultGroup,
  groupsOf,
  formatScore,
  historySubject,
  readsScores,
  targetOf,
  trendOf,
  verificationGap,
  versionNumber,
  type Programme,
  type ScoreExplanation,
  type BreakdownRow,
  type ScoreView,
} from './scores-model';

const ALL = '*';

/** The breakdown one criterion (or action) at a time, opening where a verifier changed something; "all" shows every row. */
function Breakdown({ programme, rows, labels }: { programme: Programme; rows: readonly BreakdownRow[]; labels: ReadonlyMap<string, string> }) {
  const { t } = useLanguage();
  const [chosen, setChosen] = useState<string | null>(null);
  const group = chosen ?? defaultGroup(rows) ?? ALL;
  const shown = group === ALL ? rows : rows.filter((row) => row.group === group);
  return (
    <>
      <NativeSelect
        id="breakdown-group"
        label={t(programme === 'RANHAM' ? 'scores.showAction' : 'scores.showCriterion')}
        data={[{ value: ALL, label: t('scores.allGroups') }, ...groupsOf(rows).map((code) => ({ value: code, label: labels.get(code) ?? code }))]}
        value={group}
        onChange={(event) => setChosen(event.currentTarget.value)}
        maw={480}
      />
      <Text role="status" size="sm">
        {t('scores.rowsShown', { n: shown.length, total: rows.length })}
      </Text>
      <BreakdownTable programme={programme} rows={shown} />
    </>
  );
}

function BandText({ band }: { band: string }) {
  const { t } = useLanguage();
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Box component="span" w={12} h={12} style={{ display: 'inline-block', background: bandColour(band), borderRadius: 2, flex: 'none' }} aria-hidden />
      <span>{scoreBandLabel(t, band)}</span>
    </Group>
  );
}

/** The total, the band against the target, and where the score stands (final, current, when it was computed). */
function Summary({ score, programme, content }: { score: ScoreExplanation; programme: Programme; content: unknown }) {
  const { t, language } = useLanguage();
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId);
  const zone = zoneOfOrganisation(organisation.data?.provinceCode);
  const target = targetOf(programme, score, content);
  const base = typeof score.breakdown.baseTotal === 'number' ? score.breakdown.baseTotal : null;
  const substance = typeof score.breakdown.substance === 'number' ? score.breakdown.substance : null;
  const administration = typeof score.breakdown.administration === 'number' ? score.breakdown.administration : null;
  const rows: [string, ReactNode, string][] = [
    [t('scores.total'), formatScore(score.total, language), 'score-total'],
    [t('scores.colBand'), <BandText key="band" band={score.band} />, 'score-band'],
    [
      t('scores.target'),
      `${target.band ? t('scores.targetKkp', { band: scoreBandLabel(t, target.band), min: formatScore(target.min, language) }) : t('scores.targetRanham', { min: formatScore(target.min, language) })} — ${
        target.meets ? t('scores.meets') : t('scores.short', { gap: formatScore(target.shortBy, language) })
      }`,
      'score-target',
    ],
    [t('scores.colPeriod'), `${t(`programme.${programme}` as MessageKey)} · ${score.periodKey}`, 'score-period'],
    [t('scores.version'), `${score.frameworkVersion}`, 'score-version'],
    [t('scores.colBasis'), t(`scores.basis.${score.basis}` as MessageKey), 'score-basis'],
    [t('scores.computedAt'), formatDeadline(new Date(score.createdAt), zone, language), 'score-computed'],
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="score-summary">
      <Title order={2} id="score-summary">
        {t('scores.summaryTitle')}
      </Title>
      <Table withRowBorders={false} maw={720} data-testid="score-summary-table">
        <Table.Tbody>
          {rows.map(([label, value, testId]) => (
            <Table.Tr key={testId}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td data-testid={testId}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {base !== null && <Text size="sm">{t('scores.baseTotal', { value: formatScore(base, language) })}</Text>}
      {substance !== null && administration !== null && (
        <Text size="sm">{t('scores.components', { substance: formatScore(substance, language), administration: formatScore(administration, language) })}</Text>
      )}
      {score.final && <Alert color="green">{t('scores.final')}</Alert>}
      {!score.current && <Alert color="yellow">{t('scores.notCurrent')}</Alert>}
    </Stack>
  );
}

/** The score's history as bars and a table: every snapshot of the reporter across periods, cycles and versions. */
function Trend({ score, trend }: { score: ScoreView; trend: readonly ScoreView[] }) {
  const { t, language } = useLanguage();
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId);
  const zone = zoneOfOrganisation(organisation.data?.provinceCode);
  const label = (item: ScoreView) =>
    t('scores.trendLabel', { period: item.periodKey, version: versionNumber(item.frameworkVersion), basis: t(`scores.basis.${item.basis}` as MessageKey) });
  const bars = trend.map((item) => ({ code: item.id, label: label(item), value: item.total }));
  const bandOf = new Map(trend.map((item) => [item.id, item.band]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="score-trend">
      <Title order={2} id="score-trend">
        {t('scores.trendTitle')}
      </Title>
      <Text>{t('scores.trendIntro')}</Text>
      <Bars bars={bars} colour={(bar) => bandColour(bandOf.get(bar.code) ?? '')} testId="trend-chart" />
      <Box role="region" aria-label={t('scores.trendCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table striped miw={720} data-testid="trend-table">
          <Table.Caption style={READABLE_CAPTION}>{t('scores.trendCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('scores.colWhen')}</Table.Th>
              <Table.Th scope="col">{t('scores.colPeriod')}</Table.Th>
              <Table.Th scope="col">{t('scores.colVersion')}</Table.Th>
              <Table.Th scope="col">{t('scores.colBasis')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('scores.colTotal')}
              </Table.Th>
              <Table.Th scope="col">{t('scores.colBand')}</Table.Th>
              <Table.Th scope="col">{t('scores.colCurrent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map((item) => (
              <Table.Tr key={item.id} aria-current={item.id === score.id ? 'true' : undefined} fw={item.id === score.id ? 700 : undefined}>
                <Table.Th scope="row" fw="inherit">
                  {item.id === score.id ? (
                    <>
                      {formatDeadline(new Date(item.createdAt), zone, language)} ({t('scores.thisScore')})
                    </>
                  ) : (
                    <AnchorLink to="/scores/$id" params={{ id: item.id }}>
                      {formatDeadline(new Date(item.createdAt), zone, language)}
                    </AnchorLink>
                  )}
                </Table.Th>
                <Table.Td>{item.periodKey}</Table.Td>
                <Table.Td>{versionNumber(item.frameworkVersion)}</Table.Td>
                <Table.Td>{t(`scores.basis.${item.basis}` as MessageKey)}</Table.Td>
                <Table.Td ta="right">{formatScore(item.total, language)}</Table.Td>
                <Table.Td>
                  <BandText band={item.band} />
                </Table.Td>
                <Table.Td>{item.current ? t('scores.yes') : t('scores.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}

/** One score: the total and band against the target, the criteria as bars, the readable breakdown, the gap and the trend. */
function ScorePage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ from: '/scores/$id' });
  const roles = useMyRoles();
  const explanation = useExplanation(id);
  const score = explanation.data;
  const programme: Programme = score?.breakdown && Array.isArray(score.breakdown.actions) ? 'RANHAM' : 'KKP_HAM';
  const submission = useScoredSubmission(score?.submissionId);
  const content = useFrameworkContent(score?.frameworkVersionId);
  const history = useScoreHistory(score ? historySubject(score) : null);
  const regionName = useRegionName(score?.regionCode);
  const organisationName = useOrganisationName(score && !score.regionCode ? score.organisationId : null);

  const answers = useMemo(
    () => ({ answers: submission.data?.answers ?? {}, verifiedAnswers: submission.data?.verifiedAnswers ?? {} }),
    [submission.data],
  );
  const rows = useMemo(() => (score ? breakdownRows(programme, score.breakdown, answers, content.data) : []), [score, programme, answers, content.data]);
  const bars = useMemo(() => (score ? chartBars(programme, score.breakdown, content.data) : []), [score, programme, content.data]);
  const trend = useMemo(() => (score ? trendOf(score, history.data ?? []) : []), [score, history.data]);
  const gap = useMemo(() => (score ? verificationGap(rows, score, history.data ?? []) : null), [rows, score, history.data]);

  if (roles.data && !readsScores(roles.data)) return <Alert color="gray">{t('scores.notAllowed')}</Alert>;
  if (explanation.isError) {
    return (
      <Stack gap="md">
        <Alert color="red">{t('scores.notFound')}</Alert>
        <Anchor component={Link} to="/scores">
          {t('scores.back')}
        </Anchor>
      </Stack>
    );
  }
  if (!score) return <Loader size="sm" role="status" aria-label={t('home.loading')} />;
  const name = regionName.data ?? organisationName.data ?? score.regionCode ?? '';
  const chartTitle = t(programme === 'RANHAM' ? 'scores.chartRanham' : 'scores.chartKkp');
  const chartCaption = t(programme === 'RANHAM' ? 'scores.chartCaptionRanham' : 'scores.chartCaptionKkp');
  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap="xs">
        <Anchor component={Link} to="/scores">
          {t('scores.back')}
        </Anchor>
        <Title order={1}>{t('scores.detailTitle', { name })}</Title>
      </Stack>
      <Summary score={score} programme={programme} content={content.data} />
      <ScoreDocuments programme={programme} score={score} />

      {gap && (
        <Stack gap="xs" component="section" aria-labelledby="score-gap" data-testid="score-gap">
          <Title order={2} id="score-gap">
            {t('scores.gapTitle')}
          </Title>
          <List>
            {gap.changed.length === 0 && gap.rejected.length === 0 && <List.Item>{t('scores.gapNone')}</List.Item>}
            {gap.changed.length > 0 && (
              <List.Item>{t('scores.gapChanged', { n: gap.changed.length, codes: gap.changed.map((row) => row.code).join(', ') })}</List.Item>
            )}
            {gap.rejected.length > 0 && (
              <List.Item>{t('scores.gapRejected', { n: gap.rejected.length, codes: gap.rejected.map((row) => row.code).join(', ') })}</List.Item>
            )}
            {gap.selfAssessedTotal !== null && gap.difference !== null ? (
              <List.Item>
                {t('scores.gapTotals', {
                  self: formatScore(gap.selfAssessedTotal, language),
                  verified: formatScore(score.total, language),
                  diff: `${gap.difference > 0 ? '+' : ''}${formatScore(gap.difference, language)}`,
                })}
              </List.Item>
            ) : (
              (gap.changed.length > 0 || gap.rejected.length > 0) && <List.Item>{t('scores.gapNoSelf')}</List.Item>
            )}
          </List>
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="score-chart">
        <Title order={2} id="score-chart">
          {chartTitle}
        </Title>
        <Text>{t('scores.chartIntro')}</Text>
        <Bars bars={bars} testId="criteria-chart" />
        <Box role="region" aria-label={chartCaption} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table striped miw={480} data-testid="criteria-table">
            <Table.Caption style={READABLE_CAPTION}>{chartCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(programme === 'RANHAM' ? 'scores.colAction' : 'scores.colCriterion')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('scores.colScore')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((bar) => (
                <Table.Tr key={bar.code}>
                  <Table.Th scope="row" fw={400}>
                    {bar.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatScore(bar.value, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="score-breakdown">
        <Title order={2} id="score-breakdown">
          {t(programme === 'RANHAM' ? 'scores.breakdownTitleRanham' : 'scores.breakdownTitle')}
        </Title>
        <Text>{t('scores.breakdownIntro')}</Text>
        {submission.isError && <Alert color="red">{t('home.loadFailed')}</Alert>}
        <Breakdown programme={programme} rows={rows} labels={new Map(bars.map((bar) => [bar.code, bar.label]))} />
      </Stack>

      {programme === 'KKP_HAM' && (
        <Stack gap="sm" component="section" aria-labelledby="score-adjustments">
          <Title order={2} id="score-adjustments">
            {t('scores.adjustmentsTitle')}
          </Title>
          <AdjustmentsTable adjustments={score.adjustments} />
        </Stack>
      )}

      {history.isError ? <Alert color="red">{t('home.loadFailed')}</Alert> : <Trend score={score} trend={trend} />}
    </Stack>
  );
}

export const Route = createLazyRoute('/scores/$id')({ component: ScorePage });
