import { Alert, Badge, Button, Group, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { EDITABLE_STATUSES } from '../../lib/submission-status';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { zoneOfOrganisation } from '../../lib/deadline';
import type { SummaryItem } from '../error-summary';
import { useOpenPeriods } from '../home-data';
import { AnchorLink, ButtonLink } from '../report/links';
import { READABLE_CAPTION } from '../review/readable';
import { useMyRoles } from '../review/review-data';
import { runCompile, useApprovedAnswers, usePeriodSubmissions, useReporterNames, useReporterOrganisations, useReporterPlace, type CompiledReport } from './compile-data';
import {
  choiceFieldId,
  compiledReportOf,
  conflictsOf,
  inputStatusKey,
  isDisagreement,
  otherFieldId,
  programmesOf,
  reporterKey,
  reportersOf,
  settle,
  unitRows,
  unitsOf,
  type Choice,
  type Reporter,
  type UnitRow,
} from './compile-logic';
import { ConflictForm } from './conflict-form';


function InputsTable({ rows }: { rows: UnitRow[] }) {
  const { t } = useLanguage();
  const approved = rows.filter((row) => row.approved).length;
  return (
    <Stack gap="xs">
      <Text data-testid="inputs-summary">{t('compile.summary', { approved, waiting: rows.length - approved })}</Text>
      <Table.ScrollContainer minWidth={320}>
        <Table captionSide="top" verticalSpacing="xs" data-testid="unit-inputs">
          <Table.Caption style={READABLE_CAPTION}>{t('compile.approvedCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('compile.colUnit')}</Table.Th>
              <Table.Th scope="col">{t('compile.colStatus')}</Table.Th>
              <Table.Th scope="col">{t('compile.colIncluded')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const status = inputStatusKey(row.input);
              return (
                <Table.Tr key={row.unit.id} data-testid="unit-input" data-approved={row.approved}>
                  <Table.Th scope="row" fw={400}>
                    {row.unit.name}
                  </Table.Th>
                  <Table.Td>{t(status.key, status.stage ? { stage: t(status.stage) } : {})}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={row.approved ? 'green' : 'gray'} size="md">
                      {t(row.approved ? 'compile.included' : 'compile.notIncluded')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** What the compilation brought from which unit, and the ways on to the report's check-answers and submit. */
function CompiledResult({ report, unitName }: { report: CompiledReport; unitName(id: string): string }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="compiled-title" data-testid="compile-done">
      <Stack gap="sm">
        <Alert color="green" variant="outline" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Title order={2} size="h3" id="compiled-title" mb="xs">
            {t('compile.doneTitle')}
          </Title>
          <Text>{t('compile.doneBody', { n: Object.values(report.answers).filter((value) => value !== null).length })}</Text>
        </Alert>
        {report.compiledFrom.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table captionSide="top" verticalSpacing="xs" data-testid="compiled-from">
              <Table.Caption style={READABLE_CAPTION}>{t('compile.fromTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('compile.colUnit')}</Table.Th>
                  <Table.Th scope="col">{t('compile.colAnswers')}</Table.Th>
                  <Table.Th scope="col">{t('compile.colDocuments')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.compiledFrom.map((source) => (
                  <Table.Tr key={source.submissionId}>
                    <Table.Th scope="row" fw={400}>
                      {unitName(source.organisationId)}
                    </Table.Th>
                    <Table.Td>{source.indicatorCodes.length > 0 ? source.indicatorCodes.join(', ') : t('compile.noneFromUnit')}</Table.Td>
                    <Table.Td>{source.documents}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="md">
          <ButtonLink to="/reports/$id" params={{ id: report.id }} search={{ view: 'check' }} data-testid="check-and-submit">
            {t('compile.checkAndSubmit')}
          </ButtonLink>
          <AnchorLink to="/reports/$id" params={{ id: report.id }} search={{}} data-testid="open-compiled">
            {t('compile.openReport')}
          </AnchorLink>
        </Group>
      </Stack>
    </section>
  );
}

function CompileWorkspace({ reporter, reporters, onReporter }: { reporter: Reporter; reporters: Reporter[]; onReporter(key: string): void }) {
  const { t } = useLanguage();
  const reporterNames = useReporterNames(reporters.length > 1 ? reporters : []);
  const queryClient = useQueryClient();
  const place = useReporterPlace(reporter);
  const zone = place.data ? zoneOfOrganisation(place.data.provinceCode) : undefined;
  const periods = useOpenPeriods(zone);
  const choices = useMemo(
    () => (periods.data ?? []).filter(({ cycle }) => programmesOf(reporter).includes(cycle.programme)),
    [periods.data, reporter],
  );
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const chosen = choices.find(({ period }) => period.id === periodChoice) ?? choices[0];
  const programme = chosen?.cycle.programme;
  const periodKey = chosen ? `${chosen.cycle.year}-${chosen.period.code}` : undefined;

  const organisations = useReporterOrganisations(reporter);
  const submissions = usePeriodSubmissions(reporter, programme, periodKey);
  const units = useMemo(() => (programme && organisations.data ? unitsOf(organisations.data, programme) : []), [organisations.data, programme]);
  const rows = useMemo(() => unitRows(units, submissions.data ?? []), [units, submissions.data]);
  const compiledReport = submissions.data ? compiledReportOf(submissions.data, reporter) : null;
  const unitName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;

  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CompiledReport | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [disagreement, setDisagreement] = useState<Parameters<typeof conflictsOf>[0] | null>(null);
  const [settlement, setSettlement] = useState<Record<string, Choice>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});

  const approvedInputs = rows.filter((row) => row.approved && row.input).map((row) => ({ id: row.input!.id, unit: row.unit.name }));
  const approvedAnswers = useApprovedAnswers(approvedInputs, disagreement !== null);
  const conflicts = disagreement && approvedAnswers.data ? conflictsOf(disagreement, approvedAnswers.data) : [];

  const reset = () => {
    setResult(null);
    setRefusal(null);
    setDisagreement(null);
    setSettlement({});
    setSummary([]);
    setFieldProblems({});
  };

  const compile = async (answers: Record<string, string | number | boolean | null>) => {
    if (!programme || !periodKey) return;
    setBusy(true);
    const outcome = await runCompile(reporter, programme, periodKey, answers);
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: ['compile-submissions'] });
    if (outcome.ok) {
      reset();
      setResult(outcome.report);
      return;
    }
    const error = outcome.error;
    if (error && isDisagreement(error)) {
      setResult(null);
      setRefusal(null);
      setSummary([]);
      setFieldProblems({});
      setDisagreement(error);
      return;
    }
    if (error?.statusCode === 400 && disagreement) {
      // The API refused a settled answer (it checks each against the framework): show it at that answer's field.
      const problems: Record<string, string> = {};
      const items: SummaryItem[] = (error.problems ?? []).map((problem) => {
        const code = problem.field.replace(/^answers\./, '');
        const fieldId = settlement[code]?.pick === 'other' ? otherFieldId(code) : choiceFieldId(code);
        problems[fieldId] = problem.problem;
        return { fieldId: conflicts.some((c) => c.code === code) ? fieldId : null, text: `${code}: ${problem.problem}` };
      });
      setFieldProblems(problems);
      setSummary(items.length > 0 ? items : [{ fieldId: null, text: error.message }]);
      return;
    }
    setRefusal(error ? error.message : t('form.network'));
  };

  const submitSettlement = () => {
    const { answers, problems } = settle(conflicts, settlement);
    if (problems.length > 0) {
      const byField: Record<string, string> = {};
      const items = problems.map((problem) => {
        const fieldId = problem.onOther ? otherFieldId(problem.code) : choiceFieldId(problem.code);
        const text = t(problem.message.key, problem.message.params);
        byField[fieldId] = text;
        return { fieldId, text };
      });
      setFieldProblems(byField);
      setSummary(items);
      return;
    }
    setSummary([]);
    setFieldProblems({});
    void compile(answers);
  };

  if (place.isError || periods.isError) return <Alert color="red">{t('compile.loadFailed')}</Alert>;
  const locked = !!compiledReport && !EDITABLE_STATUSES.includes(compiledReport.status);
  return (
    <Stack gap="lg">
      <section aria-labelledby="reporter-title">
        <Title order={2} size="h3" id="reporter-title" mb="xs">
          {t('compile.reporter')}
        </Title>
        {reporters.length > 1 ? (
          <NativeSelect
            label={t('compile.chooseReporter')}
            value={reporterKey(reporter)}
            onChange={(event) => {
              reset();
              setPeriodChoice(null);
              onReporter(event.currentTarget.value);
            }}
            data={reporters.map((r, index) => ({ value: reporterKey(r), label: reporterNames[index] }))}
          />
        ) : (
          <Text fw={600} data-testid="reporter-name">
            {place.data?.name ?? t('compile.loading')}
          </Text>
        )}
      </section>

      <section aria-labelledby="period-title">
        <Title order={2} size="h3" id="period-title" mb="xs">
          {t('compile.period')}
        </Title>
        {periods.isPending || !zone ? (
          <Loader size="sm" aria-label={t('compile.loading')} />
        ) : choices.length === 0 ? (
          <Text>{t('compile.noOpenPeriods')}</Text>
        ) : (
          <NativeSelect
            id="compile-period"
            label={t('compile.periodLabel')}
            description={t('compile.periodHint')}
            styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
            value={chosen?.period.id}
            onChange={(event) => {
              reset();
              setPeriodChoice(event.currentTarget.value);
            }}
            data={choices.map(({ cycle, period }) => ({ value: period.id, label: t('compile.periodOption', { cycle: cycle.label, code: period.code }) }))}
          />
        )}
      </section>

      {chosen && (
        <section aria-labelledby="inputs-title">
          <Title order={2} size="h3" id="inputs-title" mb="xs">
            {t('compile.inputsTitle')}
          </Title>
          <Text mb="sm">{t('compile.inputsIntro')}</Text>
          {organisations.isPending || submissions.isPending ? (
            <Loader size="sm" aria-label={t('compile.loading')} />
          ) : organisations.isError || submissions.isError ? (
            <Alert color="red">{t('compile.loadFailed')}</Alert>
          ) : rows.length === 0 ? (
            <Text>{t('compile.noUnits')}</Text>
          ) : (
            <InputsTable rows={rows} />
          )}
        </section>
      )}

      {chosen && submissions.data && (
        <section aria-labelledby="report-title">
          <Title order={2} size="h3" id="report-title" mb="xs">
            {t('compile.reportTitle')}
          </Title>
          {compiledReport ? (
            <Group gap="md">
              <Text data-testid="compiled-status">{t('compile.reportStatus', { status: t(`status.${compiledReport.status}` as MessageKey) })}</Text>
              <AnchorLink to="/reports/$id" params={{ id: compiledReport.id }} search={{}}>
                {t('compile.openReport')}
              </AnchorLink>
            </Group>
          ) : (
            <Text>{t('compile.noReportYet')}</Text>
          )}
          {locked ? (
            <Text mt="sm">{t('compile.locked')}</Text>
          ) : (
            <Stack gap="xs" mt="sm" align="flex-start">
              {rows.every((row) => !row.approved) && <Text>{t('compile.nothingApproved')}</Text>}
              {!disagreement && (
                <Button onClick={() => void compile({})} loading={busy} data-testid="compile-run">
                  {result ? t('compile.runAgain') : t('compile.run')}
                </Button>
              )}
            </Stack>
          )}
        </section>
      )}

      {refusal && (
        <Alert color="red" variant="outline" role="alert">
          <Text c="red.9">{refusal}</Text>
        </Alert>
      )}
      {result && <CompiledResult report={result} unitName={unitName} />}
      {disagreement &&
        (approvedAnswers.isPending ? (
          <Loader size="sm" aria-label={t('compile.loading')} />
        ) : approvedAnswers.isError ? (
          <Alert color="red">
            <List>
              {(disagreement.problems ?? []).map((problem) => (
                <List.Item key={problem.field}>{problem.problem}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ConflictForm
            conflicts={conflicts}
            choices={settlement}
            onChange={(code, choice) => setSettlement({ ...settlement, [code]: choice })}
            summary={summary}
            fieldProblems={fieldProblems}
            busy={busy}
            onSubmit={submitSettlement}
          />
        ))}
    </Stack>
  );
}

function CompilePage() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  const reporters = useMemo(() => reportersOf(roles.data ?? []), [roles.data]);
  const [reporterChoice, setReporterChoice] = useState<string | null>(null);
  const reporter = reporters.find((r) => reporterKey(r) === reporterChoice) ?? reporters[0];
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('compile.title')}</Title>
      <Text>{t('compile.intro')}</Text>
      {roles.isPending ? (
        <Loader size="sm" aria-label={t('compile.loading')} />
      ) : roles.isError ? (
        <Alert color="red">{t('compile.loadFailed')}</Alert>
      ) : !reporter ? (
        <Text>{t('compile.notCoordinator')}</Text>
      ) : (
        <CompileWorkspace key={reporterKey(reporter)} reporter={reporter} reporters={reporters} onReporter={setReporterChoice} />
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/compile')({ component: CompilePage });
