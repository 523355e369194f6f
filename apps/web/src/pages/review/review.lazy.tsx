import { Alert, Badge, Button, Card, Checkbox, Divider, Grid, Group, Loader, Radio, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { problemsFromApiError, type FormProblem } from '../../lib/form-problems';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { EvidencePreview } from './evidence-preview';
import { READABLE_ERRORS, READABLE_HINT } from './readable';
import { useMyRoles, useReviews, useSubmission, type ReviewView, type SubmissionView } from './review-data';
import {
  RETURN_FIELDS,
  RETURN_REASONS,
  checkReturnForm,
  parseVerifiedValue,
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
import { stagesForRoles } from './review-queue';

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

/** Each answer beside the evidence that backs it; at the Kanwil and central stages, a field for the verified value. */
function Answers({ submission, verified, setVerified, canVerify, problemOf }: {
  submission: SubmissionView;
  verified: Record<string, string>;
  setVerified(next: Record<string, string>): void;
  canVerify: boolean;
  problemOf(fieldId: string): string | undefined;
}) {
  const { t, language } = useLanguage();
  const codes = Object.keys(submission.answers).sort();
  const backed = new Set(submission.documents.flatMap((d) => d.indicatorCodes));
  const unlinked = submission.documents.filter((d) => d.indicatorCodes.length === 0 || d.indicatorCodes.every((c) => !(c in submission.answers)));
  return (
    <Stack gap="md">
      {codes.length === 0 && <Text>{t('review.noAnswers')}</Text>}
      {codes.map((code) => {
        const documents = submission.documents.filter((d) => d.indicatorCodes.includes(code));
        const earlier = submission.verifiedAnswers[code];
        return (
          <Card withBorder key={code} data-testid="answer">
            <Grid>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Text fw={600}>{code}</Text>
                <Text>
                  {t('review.selfAssessed')}: {formatAnswer(submission.answers[code], t, language)}
                </Text>
                {earlier !== undefined && (
                  <Text size="sm">
                    {t('review.verifiedEarlier')}: {formatAnswer(earlier, t, language)}
                  </Text>
                )}
                {canVerify && (
                  <TextInput
                    mt="xs"
                    id={verifiedFieldId(code)}
                    label={t('review.verifiedValue', { code })}
                    description={t('review.verifiedHint')}
                    styles={READABLE_HINT}
                    value={verified[code] ?? ''}
                    error={problemOf(verifiedFieldId(code))}
                    onChange={(event) => setVerified({ ...verified, [code]: event.currentTarget.value })}
                  />
                )}
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
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const roles = useMyRoles();
  const submission = useSubmission(id);
  const reviews = useReviews(id);
  const [values, setValues] = useState<ReturnFormValues>({ reasons: [], comment: '', returnTo: 'REPORTER' });
  const [verified, setVerified] = useState<Record<string, string>>({});
  const [approveComment, setApproveComment] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'approved' | 'returned' | null>(null);

  if (submission.isError || roles.isError) return <Alert color="red">{t('review.notFound')}</Alert>;
  if (!submission.data || !roles.data) return <Loader size="sm" role="status" aria-label={t('home.loading')} />;
  const view = submission.data;
  const stage = view.reviewStage;
  const myTurn = view.status === 'IN_REVIEW' && stage !== null && stagesForRoles(roles.data).includes(stage);
  const canVerify = myTurn && stageSetsVerifiedValues(stage);
  const problemOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.text;
  const textOf = (problem: FormProblem<ReturnField>) => ('key' in problem.message ? t(problem.message.key) : problem.message.text);
  const toSummary = (list: FormProblem<ReturnField>[]): SummaryItem[] =>
    list.map((p) => ({ fieldId: p.field ? RETURN_FIELD_IDS[p.field] : null, text: textOf(p) }));

  const settled = async (outcome: 'approved' | 'returned') => {
    setDone(outcome);
    setProblems([]);
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

  const approve = async () => {
    const verifiedAnswers: Record<string, AnswerValue> = {};
    const unreadable: SummaryItem[] = [];
    for (const [code, raw] of Object.entries(canVerify ? verified : {})) {
      const parsed = parseVerifiedValue(raw, view.answers[code] ?? null);
      if (!parsed.ok) unreadable.push({ fieldId: verifiedFieldId(code), text: t('review.verifiedUnreadable', { code }) });
      else if (parsed.value !== undefined) verifiedAnswers[code] = parsed.value;
    }
    if (unreadable.length > 0) return setProblems(unreadable);
    setBusy(true);
    try {
      const body = {
        ...(approveComment.trim() ? { comment: approveComment.trim() } : {}),
        ...(Object.keys(verifiedAnswers).length > 0 ? { verifiedAnswers: verifiedAnswers as Record<string, never> } : {}),
      };
      const { data, error } = await api.POST('/api/v1/submissions/{id}/approve', { params: { path: { id } }, body });
      if (data) await settled('approved');
      else setProblems(toSummary(problemsFromApiError(error, [])));
    } catch (networkError) {
      setProblems(toSummary(problemsFromApiError(networkError, [])));
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
        <Badge color="violet" variant="light">
          {t(`status.${view.status}`)}
        </Badge>
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
        <Answers submission={view} verified={verified} setVerified={setVerified} canVerify={canVerify} problemOf={problemOf} />
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
                <Button mt="md" onClick={approve} loading={busy}>
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
