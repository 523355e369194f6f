import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { outcomeOf, useReminderPolicy } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { policyBody, policyValues, type PolicyField, type PolicyValues } from '../admin-model';
import { READABLE_HINT, DANGER_COLOUR } from '../admin-styles';

const FIELDS: readonly PolicyField[] = ['offsetsDays', 'sendAt', 'overdueAfterDays', 'graceHours'];

function PolicySummary({ view }: { view: Schemas['PolicyView'] }) {
  const { t } = useLanguage();
  const policy = view.policy;
  const unitMinutes = policy.unit === 'MINUTES';
  return (
    <List data-testid="policy-summary">
      <List.Item>{view.isDefault ? t('admin.policy.isDefault') : t('admin.policy.isSet')}</List.Item>
      <List.Item>
        {unitMinutes
          ? t('admin.policy.offsetsMinutes', { list: (policy.offsetsMinutes ?? []).join(', ') })
          : t('admin.policy.offsetsDaysLine', { list: policy.offsetsDays.join(', '), time: policy.sendAt })}
      </List.Item>
      <List.Item>
        {policy.overdueAfterDays === null ? t('admin.policy.noOverdue') : t('admin.policy.overdueLine', { n: unitMinutes ? (policy.overdueAfterMinutes ?? 0) : policy.overdueAfterDays })}
      </List.Item>
      <List.Item>{policy.escalateOverdue ? t('admin.policy.escalates') : t('admin.policy.noEscalation')}</List.Item>
      <List.Item>{t('admin.policy.graceLine', { n: policy.graceHours })}</List.Item>
    </List>
  );
}

/** The cycle's reminder policy in words, and (for national admins) changing its days-based settings. */
export function ReminderPolicy({ cycleId, canEdit }: { cycleId: string; canEdit: boolean }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const view = useReminderPolicy(cycleId);
  const form = useFormProblems('policy', FIELDS);
  const [edited, setEdited] = useState<PolicyValues | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  if (view.isError) return <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>;
  if (!view.data) return null;
  const values = edited ?? policyValues(view.data.policy);
  const set = (patch: Partial<PolicyValues>) => setEdited({ ...values, ...patch });

  const submit = async () => {
    setBusy(true);
    setSaved(false);
    const outcome = await outcomeOf(api.PUT('/api/v1/cycles/{cycleId}/reminder-policy', { params: { path: { cycleId } }, body: policyBody(values) }));
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setSaved(true);
    setEdited(null);
    queryClient.setQueryData(['admin', 'reminder-policy', cycleId], outcome.data);
  };

  return (
    <Stack gap="sm">
      <PolicySummary view={view.data} />
      {canEdit && (
        <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="policy-form-title">
          <Title order={3} size="h4" id="policy-form-title">
            {t('admin.policy.editTitle')}
          </Title>
          {form.summary}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput id={form.fieldId('offsetsDays')} label={t('admin.policy.offsetsDays')} styles={READABLE_HINT} description={t('admin.policy.offsetsDaysHint')} value={values.offsetsDays} error={form.errorOf('offsetsDays')} onChange={(event) => set({ offsetsDays: event.currentTarget.value })} />
            <TextInput id={form.fieldId('sendAt')} label={t('admin.policy.sendAt')} styles={READABLE_HINT} description={t('admin.policy.sendAtHint')} value={values.sendAt} error={form.errorOf('sendAt')} onChange={(event) => set({ sendAt: event.currentTarget.value })} />
            <TextInput id={form.fieldId('overdueAfterDays')} label={t('admin.policy.overdueAfterDays')} styles={READABLE_HINT} description={t('admin.policy.overdueHint')} value={values.overdueAfterDays} error={form.errorOf('overdueAfterDays')} onChange={(event) => set({ overdueAfterDays: event.currentTarget.value })} />
            <TextInput id={form.fieldId('graceHours')} label={t('admin.policy.graceHours')} value={values.graceHours} error={form.errorOf('graceHours')} onChange={(event) => set({ graceHours: event.currentTarget.value })} />
          </Group>
          <Checkbox id="policy-escalate" label={t('admin.policy.escalate')} checked={values.escalateOverdue} onChange={(event) => set({ escalateOverdue: event.currentTarget.checked })} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('admin.policy.save')}
            </Button>
          </Group>
          {saved && <Text role="status">{t('admin.saved')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
