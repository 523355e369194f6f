import { Alert, Badge, Button, Card, Checkbox, Divider, Grid, Group, Loader, NativeSelect, Radio, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { StatusBadge } from '../../app/status-badge';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { problemsFromApiError, type FormProblem } from '../../lib/form-problems';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { useFrameworkContent } from '../report/report-data';
import { taskGroupsOf } from '../report/tasks';
import { EvidencePreview } from './evidence-preview';
import { READABLE_ERRORS, READABLE_HINT } from './readable';
import { useMyRoles, useReviews, useSubmission, type ReviewView, type SubmissionView } from './review-data';
import {
  RETURN_FIELDS,
  RETURN_REASONS,
  checkReturnForm,
  reasonLabelKey,
  returnBody,
  stageSetsVerifiedValues,
  verifiedFieldId,
  type AnswerValue,
  type ReturnField,
  type ReturnFormValues,
  type ReturnReasonCode,
  type ReturnTarget,
} from './review-form';
import { stagesForRoles, type ReviewStage } from './review-queue';
import {
  NO,
  YES,
  buildVerification,
  draftFrom,
  reasonFieldId,
  rejectFieldId,
  ruleFromAnswer,
  rulesByCode,
  stageOfSets,
  verificationFieldOf,
  type AnswerRule,
  type EarlierSets,
  type VerificationDraft,
  type VerificationProblem,
} from './verification';

const RETURN_FIELD_IDS: Record<ReturnField, string> = { reasons: 'return-reasons', comment: 'return-comment', returnTo: 'return-to' };

function formatAnswer(value: AnswerValue, t: (key: 'review.yes' | 'review.no' | 'review.noAnswer') => string, language: string): string {
  if (value === null || value === undefined || value === '') return t('review.noAnswer');
  if (typeof value === 'boolean') return value ? t('review.yes') : t('review.no');
  if (typeof value === 'number') return value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  return value;
}

/** The decisions so far, oldest first: stage, decision, reasons and comment. */
function History({ reviews }: { reviews: ReviewView[] }) {
  const { t, language } = useLanguage();
  const when = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  if (reviews.length === 0) return <Text>{t('review.noHistory')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="review-history">
      {reviews.map((review) => (
        <Timeline.Item key={review.id} title={`${t(`review.stage.${review.stage}`)} · ${t(`review.decision.${review.decision}`)}`}>
          <Text size="xs">
            {when.format(new Date(review.createdAt))} · {t('review.round', { n: review.submitCount })}
            {review.returnTo === 'KANWIL' ? ` · ${t('review.returnTo.KANWIL')}` : ''}
          </Text>
          {Object.entries(review.verifiedAnswers ?? {}).map(([code, value]) => (
            <Text size="sm" key={`v-${code}`} data-testid="history-verified">
              {t('review.history.verified', { code, value: formatAnswer(value, t, language) })}
            </Text>
          ))}
          {Object.entries(review.rejections ?? {}).map(([code, reason]) => (
            <Text size="sm" key={`r-${code}`} data-testid="history-rejected">
              {t('review.history.rejected', { code, reason: t(reasonLabelKey(reason as ReturnReasonCode)) })}
            </Text>
          ))}
          {review.reasons.map((reason, index) => (
            <Text size="sm" key={index} data-testid="history-reason">
              {reason.indicatorCode ? `${reason.indicatorCode}: ` : ''}
              {reason.message}
            </Text>
          ))}
          {review.comment && (
            <Text size="sm" fs="italic" data-testid="history-comment">
              “{review.comment}”
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One answer's verification at the Kanwil or central stage: its verified value and, beside it, a rejection with a reason. */
function VerifyControls({ code, rule, draft, setDraft, problemOf }: {
  code: string;
  rule: AnswerRule;
  draft: VerificationDraft;
  setDraft(next: VerificationDraft): void;
  problemOf(fieldId: string): string | undefined;
}) {
  const { t } = useLanguage();
  const fieldId = verifiedFieldId(code);
  const value = draft.verified[code] ?? '';
  const setValue = (next: string) => setDraft({ ...draft, verified: { ...draft.verified, [code]: next } });
  const rejected = code in draft.rejections;
  const setRejected = (on: boolean) => {
    const rejections = { ...draft.rejections };
    if (on) rejections[code] = null;
    else delete rejections[code];
    setDraft({ ...draft, rejections });
  };
  const keep = { value: '', label: t('review.verify.keep') };
  const options =
    rule.kind === 'YES_NO'
      ? [keep, { value: YES, label: t('review.yes') }, { value: NO, label: t('review.no') }]
      : rule.kind === 'CHOICE'
        ? [keep, ...rule.choices.map((choice) => ({ value: choice, label: choice }))]
        : null;
  const hint = rule.kind === 'NUMBER' || rule.kind === 'PERCENT' ? t(`review.verify.hint.${rule.kind}`) : t('review.verify.hint.TEXT');
  return (
    <Stack gap="xs" mt="xs">
      {rule.kind === 'DOCUMENT_ONLY' ? null : options ? (
        <NativeSelect
          id={fieldId}
          label={t('review.verifiedValue', { code })}
          data={options}
          value={value}
          error={problemOf(fieldId)}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
      ) : (
        <TextInput
          id={fieldId}
          label={t('review.verifiedValue', { code })}
          description={hint}
          styles={READABLE_HINT}
          value={value}
          error={problemOf(fieldId)}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
      )}
      <Checkbox
        id={rejectFieldId(code)}
        label={t('review.verify.reject', { code })}
        description={t('review.verify.rejectHint')}
        styles={READABLE_HINT}
        checked={rejected}
        onChange={(event) => setRejected(event.currentTarget.checked)}
      />
      {rejected && (
        <NativeSelect
          id={reasonFieldId(code)}
          label={t('review.verify.reason', { code })}
          data={[{ value: '', label: t('review.verify.chooseReason') }, ...RETURN_REASONS.map((reason) => ({ value: reason, label: t(reasonLabelKey(reason)) }))]}
          value={draft.rejections[code] ?? ''}
          error={problemOf(reasonFieldId(code))}
          onChange={(event) => setDraft({ ...draft, rejections: { ...draft.rejections, [code]: (event.currentTarget.value || null) as ReturnReasonCode | null } })}
        />
      )}
    </Stack>
  );
}

/**
 * Each answer beside the evidence that backs it, with the verified value or rejection in force (and which stage set
 * it: at the centre, the Kanwil's proposal); at the Kanwil and central stages, the fields to set them.
 */
function Answers({ submission, setBy, verify, problemOf }: {
  submission: SubmissionView;
  setBy: ReviewStage | null;
  verify: { draft: VerificationDraft; setDraft(next: VerificationDraft): void; ruleOf(code: string): AnswerRule } | null;
  problemOf(fieldId: string): string | undefined;
}) {
  const { t, language } = useLanguage();
  const codes = Object.keys(submission.answers).sort();
  const backed = new Set(submission.documents.flatMap((d) => d.indicatorCodes));
  const unlinked = submission.documents.filter((d) => d.indicatorCodes.length === 0 || d.indicatorCodes.every((c) => !(c in submission.answers)));
  const stage = setBy ? t(`review.stage.${setBy}`) : null;
  return (
    <Stack gap="md">
      {codes.length === 0 && <Text>{t('review.noAnswers')}</Text>}
      {codes.map((code) => {
        const documents = submission.documents.filter((d) => d.indicatorCodes.includes(code));
        const earlier = submission.verifiedAnswers[code];
        const rejectedFor = submission.rejections[code];
        return (
          <Card withBorder key={code} data-testid="answer">
            <Grid>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Text fw={600}>{code}</Text>
                <Text>
                  {t('review.selfAssessed')}: {formatAnswer(submission.answers[code], t, language)}
                </Text>
                {earlier !== undefined && (
                  <Text size="sm" data-testid="verified-in-force">
                    {stage ? t('review.verify.setBy', { stage }) : t('review.verifiedEarlier')}: {formatAnswer(earlier, t, language)}
                  </Text>
                )}
                {rejectedFor !== undefined && (
                  <Text size="sm" data-testid="rejected-in-force">
                    {t('review.verify.rejectedBy', { stage: stage ?? '—' })}: {t(reasonLabelKey(rejectedFor as ReturnReasonCode))}
                  </Text>
                )}
                {verify && <VerifyControls code={code} rule={verify.ruleOf(code)} draft={verify.draft} setDraft={verify.setDraft} problemOf={problemOf} />}
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                {documents.length === 0 ? (
                  <Text size="sm">{backed.has(code) ? '' : t('review.noEvidence')}</Text>
                ) : (
                  documents.map((doc) => <EvidencePreview key={doc.id} submissionId={submission.id} document={doc} />)
                )}
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
      {unlinked.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('review.otherDocuments')}
          </Title>
          <Stack>
            {unlinked.map((doc) => (
              <EvidencePreview key={doc.id} submissionId={submission.id} document={doc} />
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function ReviewPage() {
  const { id } = useParams({ from: '/review/$id' });
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const roles = useMyRoles();
  const submission = useSubmission(id);
  const reviews = useReviews(id);
  const [values, setValues] = useState<ReturnFormValues>({ reasons: [], comment: '', returnTo: 'REPORTER' });
  // Null until the reviewer changes something: the form then shows the sets in force.
  const [draft, setDraft] = useState<VerificationDraft | null>(null);
  const [approveComment, setApproveComment] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'approved' | 'returned' | null>(null);
  const content = useFrameworkContent(submission.data?.programme, submission.data?.periodKey);

  if (submission.isError || roles.isError) return <Alert color="red">{t('review.notFound')}</Alert>;
  if (!submission.data || !roles.data) return <Loader size="sm" role="status" aria-label={t('home.loading')} />;
  const view = submission.data;
  const stage = view.reviewStage;
  const myTurn = view.status === 'IN_REVIEW' && stage !== null && stagesForRoles(roles.data).includes(stage);
  const canVerify = myTurn && stageSetsVerifiedValues(stage);
  const earlierSets: EarlierSets = { verifiedAnswers: view.verifiedAnswers, rejections: view.rejections };
  const form = draft ?? draftFrom(earlierSets, language);
  // The framework says how each answer is typed; without it (still loading, or failed), the answer itself does.
  const rules = content.data ? rulesByCode(taskGroupsOf(view.programme, content.data, view.periodKey, view.reporterLevel).flatMap((g) => g.tasks)) : new Map<string, AnswerRule>();
  const ruleOf = (code: string): AnswerRule => rules.get(code) ?? ruleFromAnswer(view.answers[code]);
  // A verification is checked against the framework's answer types, so approving waits until they are known.
  const rulesPending = canVerify && content.isPending;
  const setBy = stageOfSets(reviews.data ?? []);
  const problemOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.text;
  const textOf = (problem: FormProblem<ReturnField>) => ('key' in problem.message ? t(problem.message.key) : problem.message.text);
  const toSummary = (list: FormProblem<ReturnField>[]): SummaryItem[] =>
    list.map((p) => ({ fieldId: p.field ? RETURN_FIELD_IDS[p.field] : null, text: textOf(p) }));

  const settled = async (outcome: 'approved' | 'returned') => {
    setDone(outcome);
    setProblems([]);
    setDraft(null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['submission', id] }),
      queryClient.invalidateQueries({ queryKey: ['reviews', id] }),
      queryClient.invalidateQueries({ queryKey: ['review-queue'] }),
    ]);
  };

  const sendReturn = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkReturnForm(values, stage);
    if (local.length > 0) return setProblems(toSummary(local));
    setBusy(true);
    try {
      const { data, error } = await api.POST('/api/v1/submissions/{id}/return', { params: { path: { id } }, body: returnBody(values) });
      if (data) await settled('returned');
      else setProblems(toSummary(problemsFromApiError(error, RETURN_FIELDS)));
    } catch (networkError) {
      setProblems(toSummary(problemsFromApiError(networkError, RETURN_FIELDS)));
    } finally {
      setBusy(false);
    }
  };

  const fieldIdOf = (problem: Pick<VerificationProblem, 'code' | 'field'>) => (problem.field === 'verified' ? verifiedFieldId(problem.code) : reasonFieldId(problem.code));
  const summaryLine = (code: string, text: string) => t('review.verify.summaryLine', { code, problem: text });
  // The API names a refused value by its path (verifiedAnswers.K1.P1); those go next to their answer's field.
  const apiFields = Object.keys(view.answers).flatMap((code) => [`verifiedAnswers.${code}`, `rejections.${code}`]);
  const approveProblems = (error: unknown): SummaryItem[] =>
    problemsFromApiError(error, apiFields).map((problem) => {
      const text = 'key' in problem.message ? t(problem.message.key) : problem.message.text;
      const place = problem.field ? verificationFieldOf(problem.field) : null;
      return place ? { fieldId: fieldIdOf(place), text: summaryLine(place.code, text) } : { fieldId: null, text };
    });

  const approve = async () => {
    const verification = canVerify ? buildVerification(form, ruleOf, earlierSets) : { ok: true as const, sets: {} };
    if (!verification.ok) {
      return setProblems(verification.problems.map((problem) => ({ fieldId: fieldIdOf(problem), text: summaryLine(problem.code, t(problem.message)) })));
    }
    setBusy(true);
    try {
      const body = { ...(approveComment.trim() ? { comment: approveComment.trim() } : {}), ...verification.sets };
      const { data, error } = await api.POST('/api/v1/submissions/{id}/approve', { params: { path: { id } }, body });
      if (data) await settled('approved');
      else setProblems(approveProblems(error));
    } catch (networkError) {
      setProblems(approveProblems(networkError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" maw={1200} style={READABLE_ERRORS}>
      <ErrorSummary title={t('signIn.errorSummary')} items={problems} />
      <Group justify="space-between">
        <Title order={1}>{t('review.pageTitle', { programme: t(`programme.${view.programme}`), period: view.periodKey })}</Title>
        <Link to="/review">{t('review.backToQueue')}</Link>
      </Group>
      <Group gap="xs">
        <StatusBadge status={view.status} />
        {stage && <Badge variant="outline">{t(`review.stage.${stage}`)}</Badge>}
        {view.submitCount > 1 && <Text size="sm">{t('review.resubmitted', { n: view.submitCount })}</Text>}
      </Group>
      {done && (
        <Alert color="green" role="status" data-testid="review-done">
          {t(done === 'approved' ? 'review.approvedDone' : 'review.returnedDone')}
        </Alert>
      )}

      <section aria-labelledby="answers-title">
        <Title order={2} size="h3" id="answers-title" mb="sm">
          {t('review.answersTitle')}
        </Title>
        <Answers submission={view} setBy={setBy} verify={canVerify ? { draft: form, setDraft, ruleOf } : null} problemOf={problemOf} />
      </section>

      {myTurn && !done && (
        <section aria-labelledby="decision-title">
          <Title order={2} size="h3" id="decision-title" mb="sm">
            {t('review.decisionTitle')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder>
                <Title order={3} size="h4" mb="xs">
                  {t('review.approveTitle')}
                </Title>
                <Textarea id="approve-comment" label={t('review.approveComment')} value={approveComment} onChange={(e) => setApproveComment(e.currentTarget.value)} />
                <Button mt="md" onClick={approve} loading={busy || rulesPending}>
                  {t('review.approve')}
                </Button>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder component="form" onSubmit={sendReturn} noValidate>
                <Title order={3} size="h4" mb="xs">
                  {t('review.returnTitle')}
                </Title>
                <Checkbox.Group
                  id={RETURN_FIELD_IDS.reasons}
                  label={t('review.reasons')}
                  value={values.reasons}
                  onChange={(reasons) => setValues({ ...values, reasons: reasons as ReturnReasonCode[] })}
                  error={problemOf(RETURN_FIELD_IDS.reasons)}
                  tabIndex={-1}
                >
                  <Stack gap={6} mt={6}>
                    {RETURN_REASONS.map((code) => (
                      <Checkbox key={code} value={code} label={t(reasonLabelKey(code))} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                <Textarea
                  mt="md"
                  id={RETURN_FIELD_IDS.comment}
                  label={t('review.comment')}
                  description={t('review.commentHint')}
                  styles={READABLE_HINT}
                  value={values.comment}
                  error={problemOf(RETURN_FIELD_IDS.comment)}
                  onChange={(e) => setValues({ ...values, comment: e.currentTarget.value })}
                  autosize
                  minRows={3}
                />
                {stage === 'CENTRAL' && (
                  <Radio.Group
                    mt="md"
                    id={RETURN_FIELD_IDS.returnTo}
                    label={t('review.returnToLabel')}
                    value={values.returnTo}
                    onChange={(value) => setValues({ ...values, returnTo: value as ReturnTarget })}
                    error={problemOf(RETURN_FIELD_IDS.returnTo)}
                    tabIndex={-1}
                  >
                    <Stack gap={6} mt={6}>
                      <Radio value="REPORTER" label={t('review.returnTo.REPORTER')} />
                      <Radio value="KANWIL" label={t('review.returnTo.KANWIL')} />
                    </Stack>
                  </Radio.Group>
                )}
                <Button mt="md" type="submit" color="red.9" loading={busy}>
                  {t('review.return')}
                </Button>
              </Card>
            </Grid.Col>
          </Grid>
        </section>
      )}

      <Divider />
      <section aria-labelledby="history-title">
        <Title order={2} size="h3" id="history-title" mb="sm">
          {t('review.historyTitle')}
        </Title>
        {reviews.isPending ? <Loader size="sm" role="status" aria-label={t('home.loading')} /> : reviews.isError ? <Alert color="red">{t('home.loadFailed')}</Alert> : <History reviews={reviews.data} />}
      </section>
    </Stack>
  );
}

export const Route = createLazyRoute('/review/$id')({ component: ReviewPage });
