import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { outcomeOf, useInternalDeadlines } from '../admin-data';
import { useFormProblems } from '../admin-form';
import type { PeriodView } from '../admin-model';
import { READABLE_HINT, CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

const FIELDS = ['reporter', 'deadlineDate', 'deadlineTime'] as const;

/** The earlier deadlines coordinators set for their units, per period, and (for those allowed) setting one. */
export function InternalDeadlines({ cycleId, periods, canSet }: { cycleId: string; periods: PeriodView[]; canSet: boolean }) {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(periods[0]?.code ?? '');
  const list = useInternalDeadlines(cycleId, code || undefined);
  const form = useFormProblems('internal', FIELDS);
  const [values, setValues] = useState({ reporter: '', deadlineDate: '', deadlineTime: '' });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setSaved(false);
    const outcome = await outcomeOf(
      api.PUT('/api/v1/cycles/{cycleId}/periods/{code}/internal-deadlines/{reporter}', {
        params: { path: { cycleId, code, reporter: values.reporter.trim() || '-' } },
        body: { deadlineDate: values.deadlineDate, ...(values.deadlineTime ? { deadlineTime: values.deadlineTime } : {}) },
      }),
    );
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setSaved(true);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'internal-deadlines', cycleId, code] });
  };

  return (
    <Stack gap="sm">
      <NativeSelect id="internal-period" label={t('admin.period')} data={periods.map((p) => p.code)} value={code} onChange={(event) => setCode(event.currentTarget.value)} maw={240} />
      {list.isError ? (
        <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
      ) : list.data?.length === 0 ? (
        <Text>{t('admin.internal.none')}</Text>
      ) : (
        list.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="internal-deadlines-table">
              <Table.Caption c={CAPTION_COLOUR}>{t('admin.internal.caption', { code })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.internal.colReporter')}</Table.Th>
                  <Table.Th scope="col">{t('admin.internal.colDeadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((row) => (
                  <Table.Tr key={`${row.regionCode ?? row.reporterOrganisationId}`}>
                    <Table.Td>{row.regionCode ?? row.reporterOrganisationId}</Table.Td>
                    <Table.Td>{row.deadline[language]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
      {canSet && (
        <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="internal-form-title">
          <Title order={3} size="h4" id="internal-form-title">
            {t('admin.internal.setTitle')}
          </Title>
          {form.summary}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput id={form.fieldId('reporter')} label={t('admin.internal.reporter')} styles={READABLE_HINT} description={t('admin.internal.reporterHint')} value={values.reporter} error={form.errorOf('reporter')} onChange={(event) => setValues({ ...values, reporter: event.currentTarget.value })} />
            <TextInput id={form.fieldId('deadlineDate')} type="date" label={t('admin.periods.deadlineDate')} value={values.deadlineDate} error={form.errorOf('deadlineDate')} onChange={(event) => setValues({ ...values, deadlineDate: event.currentTarget.value })} />
            <TextInput id={form.fieldId('deadlineTime')} type="time" label={t('admin.periods.deadlineTime')} value={values.deadlineTime} error={form.errorOf('deadlineTime')} onChange={(event) => setValues({ ...values, deadlineTime: event.currentTarget.value })} />
          </Group>
          <Group>
            <Button type="submit" loading={busy} disabled={!code}>
              {t('admin.internal.save')}
            </Button>
          </Group>
          {saved && <Text role="status">{t('admin.saved')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
