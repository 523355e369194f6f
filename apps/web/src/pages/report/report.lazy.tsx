import { Alert, Badge, Button, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { isApiErrorBody } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { formatAnswer, parseAnswer } from './answer-parsing';
import { hasUnsaved, type Answers, type SavePhase } from './autosave';
import { useFrameworkContent, useSubmission } from './report-data';
import { AnchorLink, ButtonLink } from './links';
import { TaskInput } from './task-input';
import { TaskList } from './task-list';
import { assignedGroups, missingTasks, taskGroupsOf, type ReportTask, type TaskGroup } from './tasks';
import { WorkbookPanel, type WorkbookUpload } from './workbook-panel';
import { useAutosave } from './use-autosave';
import { EDITABLE_STATUSES } from '../../lib/submission-status';

type Submission = NonNullable<ReturnType<typeof useSubmission>['data']>;
// An outline alert's title takes the alert's light colour, below 4.5:1 on white; body colour keeps it readable.
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

function SaveIndicator({ phase }: { phase: SavePhase }) {
  const { t } = useLanguage();
  // Body text colour unless something is wrong: Mantine's green and grey on white fall short of 4.5:1 at this size.
  const problem = phase === 'offline' || phase === 'conflict' || phase === 'refused';
  return (
    <Text size="sm" c={problem ? 'red.9' : undefined} fw={problem ? 600 : undefined} role="status" aria-live="polite" data-testid="save-state" data-phase={phase}>
      {t(`report.save.${phase}` as MessageKey)}
    </Text>
  );
}

function TaskPage(props: {
  id: string;
  task: ReportTask;
  next: ReportTask | undefined;
  draft: string;
  error?: string;
  editable: boolean;
  onChange: (raw: string) => void;
}) {
  const { t } = useLanguage();
  const { id, task, next, draft, error, editable, onChange } = props;
  return (
    <Stack gap="md">
      <TaskInput task={task} draft={draft} error={error} disabled={!editable} onChange={onChange} />
      {task.documents.length > 0 && (
        <section aria-labelledby="required-documents">
          <Title order={2} size="h5" id="required-documents">
            {t('report.requiredDocuments')}
          </Title>
          <List>
            {task.documents.map((rule, index) => (
              <List.Item key={index}>{t('report.documentRule', { types: rule.types.join(' / '), n: rule.minCount })}</List.Item>
            ))}
          </List>
        </section>
      )}
      <AnchorLink to={`/reports/${id}/evidence` as string}>
        {t('report.toEvidence')}
      </AnchorLink>
      <Group>
        {next ? (
          <ButtonLink to="/reports/$id" params={{ id }} search={{ task: next.code }}>
            {t('report.nextTask')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/reports/$id" params={{ id }} search={{ view: 'check' }}>
            {t('report.checkAnswers')}
          </ButtonLink>
        )}
        <AnchorLink to="/reports/$id" params={{ id }} search={{}}>
          {t('report.backToList')}
        </AnchorLink>
      </Group>
    </Stack>
  );
}

function CheckAnswers(props: { id: string; groups: TaskGroup[]; answers: Answers; unsaved: boolean; editable: boolean; onSubmitted: (submitted: Submission) => void }) {
  const { t, language } = useLanguage();
  const { id, groups, answers, unsaved, editable, onSubmitted } = props;
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const missing = missingTasks(groups, answers);
  const submit = async () => {
    setSending(true);
    setRefusal(null);
    try {
      const { data, error } = await api.POST('/api/v1/submissions/{id}/submit', { params: { path: { id } } });
      if (data) onSubmitted(data);
      // The deadline refusal already names the local time and zone of the deadline in the request's language.
      else setRefusal(isApiErrorBody(error) ? error.message : t('form.network'));
    } catch {
      setRefusal(t('form.network'));
    } finally {
      setSending(false);
    }
  };
  const summary: SummaryItem[] = refusal ? [{ fieldId: null, text: refusal }] : [];
  return (
    <Stack gap="md">
      <ErrorSummary title={t('signIn.errorSummary')} items={summary} />
      <Title order={2} size="h3">
        {t('report.checkAnswers')}
      </Title>
      {missing.length > 0 && (
        <Alert color="yellow" variant="outline" title={t('report.missing', { n: missing.length })} styles={READABLE_TITLE} data-testid="missing">
          <List>
            {missing.map((task) => (
              <List.Item key={task.code}>
                <AnchorLink to="/reports/$id" params={{ id }} search={{ task: task.code }}>
                  {task.code} · {task.text}
                </AnchorLink>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table data-testid="answers-summary">
          <Table.Tbody>
            {groups.flatMap((group) => group.tasks).map((task) => (
              <Table.Tr key={task.code}>
                <Table.Th scope="row">{task.code}</Table.Th>
                <Table.Td>{formatAnswer(answers[task.code] === true ? t('report.yes') : answers[task.code] === false ? t('report.no') : answers[task.code], language) || '—'}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/reports/$id" params={{ id }} search={{ task: task.code }} aria-label={t('report.changeAnswer', { code: task.code })}>
                    {t('report.change')}
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable && (
        <Button onClick={() => void submit()} loading={sending} disabled={unsaved} data-testid="submit">
          {t('report.submit')}
        </Button>
      )}
      {unsaved && <Text size="sm">{t('report.waitForSave')}</Text>}
    </Stack>
  );
}

function ReportForm(props: { submission: Submission; content: unknown; notices: WorkbookUpload['notices'] | null; onWorkbookUploaded: (view: WorkbookUpload) => void }) {
  const { submission, content, notices, onWorkbookUploaded } = props;
  const { t, language } = useLanguage();
  const { task: taskCode, view } = useSearch({ strict: false }) as { task?: string; view?: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = useMemo(
    () => assignedGroups(taskGroupsOf(submission.programme, content, submission.periodKey, submission.reporterLevel), submission.assignedCodes),
    [submission.programme, submission.periodKey, submission.reporterLevel, submission.assignedCodes, content],
  );
  const tasks = groups.flatMap((group) => group.tasks);
  const onSaved = useCallback(
    (saved: Submission) => {
      // The cache follows each save, so coming back to this page starts from the version the API last confirmed.
      queryClient.setQueryData(['submission', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['my-submissions'] });
    },
    [queryClient],
  );
  const initial = useMemo(() => ({ id: submission.id, answers: submission.answers as Answers, version: submission.version }), [submission.id, submission.answers, submission.version]);
  const { state, edit, resolveConflict } = useAutosave(initial, onSaved);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [typingProblems, setTypingProblems] = useState<Record<string, MessageKey>>({});
  const [resolving, setResolving] = useState(false);
  const [readFailed, setReadFailed] = useState(false);
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set());
  const editable = EDITABLE_STATUSES.includes(submission.status) && state.phase !== 'conflict';

  const resolve = async (keepLocal: boolean) => {
    setResolving(true);
    setReadFailed(false);
    try {
      const latest = await resolveConflict(keepLocal);
      if (!latest) return setReadFailed(true);
      // The fields show the answers as they now are: only text that is not an answer yet (kept on "keep mine") stays.
      setDrafts((all) => (keepLocal ? Object.fromEntries(Object.entries(all).filter(([code]) => typingProblems[code])) : {}));
      if (!keepLocal) setTypingProblems({});
      // A report submitted meanwhile: the page shows it as it now is (the form starts again, read-only).
      if (!EDITABLE_STATUSES.includes(latest.status)) queryClient.setQueryData(['submission', latest.id], latest);
    } finally {
      setResolving(false);
    }
  };
  const toggleGroup = useCallback((code: string, open: boolean) => {
    setOpenGroups((all) => {
      if (all.has(code) === open) return all;
      const next = new Set(all);
      if (open) next.add(code);
      else next.delete(code);
      return next;
    });
  }, []);

  const change = (task: ReportTask, raw: string) => {
    setDrafts((all) => ({ ...all, [task.code]: raw }));
    const parsed = parseAnswer(task.kind, raw, task.choices);
    setTypingProblems(({ [task.code]: _old, ...rest }) => (parsed.ok ? rest : { ...rest, [task.code]: parsed.problem }));
    if (parsed.ok) edit(task.code, parsed.value);
  };
  const problemOf = (code: string): string | undefined => (typingProblems[code] ? t(typingProblems[code]) : state.problems[code]);
  const problems: Record<string, string> = Object.fromEntries(tasks.map((task) => [task.code, problemOf(task.code)]).filter(([, text]) => text)) as Record<string, string>;
  const summary: SummaryItem[] = [
    ...(state.problems[''] ? [{ fieldId: null, text: state.problems[''] }] : []),
    ...Object.entries(problems).map(([code, text]) => ({ fieldId: `answer-${code}`, text: `${code}: ${text}` })),
  ];
  const task = tasks.find((candidate) => candidate.code === taskCode);
  // Back on the list, the action of the measure just answered is still open.
  const taskGroup = task ? groups.find((group) => group.tasks.includes(task))?.code : undefined;
  useEffect(() => {
    if (taskGroup) toggleGroup(taskGroup, true);
  }, [taskGroup, toggleGroup]);

  return (
    <Stack gap="md">
      <ErrorSummary title={t('signIn.errorSummary')} items={summary} />
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {t(`programme.${submission.programme}` as MessageKey)} · {t('home.period', { code: submission.periodKey })}
        </Text>
        <Badge variant="dot" size="lg" data-testid="submission-status">
          {t(`status.${submission.status}` as MessageKey)}
        </Badge>
      </Group>
      {submission.assignedCodes && (
        <div data-testid="assigned-items">
          <Text fw={600}>{t('assignments.yourItems', { n: tasks.length })}</Text>
          <Text size="sm">{t('assignments.yourItemsHint')}</Text>
        </div>
      )}
      {EDITABLE_STATUSES.includes(submission.status) && <SaveIndicator phase={state.phase} />}
      {state.phase === 'conflict' && (
        <Alert color="red" variant="outline" title={t('report.conflict.title')} styles={READABLE_TITLE} data-testid="conflict" data-locked={state.locked}>
          {state.conflictMessage && <Text size="sm">{state.conflictMessage}</Text>}
          <Text size="sm" mt={state.conflictMessage ? 'xs' : undefined}>
            {t(state.locked ? 'report.conflict.locked' : 'report.conflict.choose')}
          </Text>
          {readFailed && (
            <Text size="sm" c="red.9" mt="xs" role="alert">
              {t('report.conflict.readFailed')}
            </Text>
          )}
          <Group mt="sm">
            {state.locked ? (
              <Button size="xs" loading={resolving} onClick={() => void resolve(false)}>
                {t('report.conflict.reload')}
              </Button>
            ) : (
              <>
                <Button size="xs" loading={resolving} onClick={() => void resolve(true)} data-testid="keep-mine">
                  {t('report.conflict.keepMine')}
                </Button>
                <Button size="xs" variant="default" disabled={resolving} onClick={() => void resolve(false)} data-testid="take-latest">
                  {t('report.conflict.takeTheirs')}
                </Button>
              </>
            )}
          </Group>
        </Alert>
      )}
      {task ? (
        <TaskPage
          id={submission.id}
          task={task}
          next={tasks[tasks.indexOf(task) + 1]}
          draft={drafts[task.code] ?? formatAnswer(state.local[task.code], language)}
          error={problemOf(task.code)}
          editable={editable}
          onChange={(raw) => change(task, raw)}
        />
      ) : view === 'check' ? (
        <CheckAnswers
          id={submission.id}
          groups={groups}
          answers={state.local}
          unsaved={hasUnsaved(state) || Object.keys(typingProblems).length > 0}
          editable={EDITABLE_STATUSES.includes(submission.status)}
          onSubmitted={(submitted) => {
            // The submit's answer is the report as submitted; the document check moves it on in the background.
            queryClient.setQueryData(['submission', submission.id], submitted);
            void queryClient.invalidateQueries({ queryKey: ['my-submissions'] });
            void navigate({ to: '/reports/$id', params: { id: submission.id }, search: {} });
          }}
        />
      ) : (
        <>
          <TaskList
            id={submission.id}
            programme={submission.programme}
            groups={groups}
            answers={state.local}
            drafts={drafts}
            problems={problems}
            openGroups={openGroups}
            onToggleGroup={toggleGroup}
          />
          <Group>
            <ButtonLink to="/reports/$id" params={{ id: submission.id }} search={{ view: 'check' }}>
              {t('report.checkAnswers')}
            </ButtonLink>
            <AnchorLink to={`/reports/${submission.id}/evidence` as string}>
              {t('report.toEvidence')}
            </AnchorLink>
          </Group>
          {editable && <WorkbookPanel id={submission.id} unsaved={hasUnsaved(state) || Object.keys(typingProblems).length > 0} notices={notices} onUploaded={onWorkbookUploaded} />}
        </>
      )}
    </Stack>
  );
}

function ReportPage() {
  const { t } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const submission = useSubmission(id);
  const content = useFrameworkContent(submission.data?.programme, submission.data?.periodKey);
  const queryClient = useQueryClient();
  // A workbook upload replaces the answers wholesale: the form starts again from the stored report (a new key), and
  // the upload's notices outlive that restart.
  const [generation, setGeneration] = useState(0);
  const [notices, setNotices] = useState<WorkbookUpload['notices'] | null>(null);
  const onWorkbookUploaded = useCallback(
    ({ notices: uploadNotices, ...view }: WorkbookUpload) => {
      queryClient.setQueryData(['submission', view.id], view);
      void queryClient.invalidateQueries({ queryKey: ['my-submissions'] });
      setNotices(uploadNotices);
      setGeneration((n) => n + 1);
    },
    [queryClient],
  );
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('report.title')}</Title>
      {submission.isError || content.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : !submission.data || !content.data ? (
        // The route's loader (report-data.ts loadReport) has read the report afresh before this page shows.
        <Loader size="sm" aria-label={t('home.loading')} />
      ) : (
        // Keyed by status, so a submitted report starts a fresh form (nothing left to save).
        <ReportForm key={`${submission.data.status}|${generation}`} submission={submission.data} content={content.data} notices={notices} onWorkbookUploaded={onWorkbookUploaded} />
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/reports/$id')({ component: ReportPage });
