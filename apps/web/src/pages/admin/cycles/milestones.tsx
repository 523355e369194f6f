import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { outcomeOf, useMilestones } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

type Milestone = Schemas['KkpMilestone'];
const FIELDS = ['date', 'time'] as const;

/** A KKP HAM cycle's steps (input close, Kanwil and central review close, decree, award), each movable in order. */
export function Milestones({ cycleId, canEdit }: { cycleId: string; canEdit: boolean }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const milestones = useMilestones(cycleId, true);
  const form = useFormProblems('milestone', FIELDS);
  const [code, setCode] = useState<Milestone>('PEMDA_INPUT_CLOSE');
  const [values, setValues] = useState({ date: '', time: '' });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setSaved(false);
    const outcome = await outcomeOf(
      api.PUT('/api/v1/cycles/{cycleId}/milestones/{code}', { params: { path: { cycleId, code } }, body: { date: values.date, ...(values.time ? { time: values.time } : {}) } }),
    );
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setSaved(true);
    queryClient.setQueryData(['admin', 'milestones', cycleId], outcome.data);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'periods', cycleId] });
  };

  if (milestones.isError) return <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>;
  if (!milestones.data) return null;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="milestones-table">
          <Table.Caption c={CAPTION_COLOUR}>{t('admin.milestones.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.milestones.colStep')}</Table.Th>
              <Table.Th scope="col">{t('admin.milestones.colDate')}</Table.Th>
              <Table.Th scope="col">{t('admin.milestones.colUsual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.data.map((milestone) => (
              <Table.Tr key={milestone.code}>
                <Table.Th scope="row">{t(`admin.milestone.${milestone.code}` as MessageKey)}</Table.Th>
                <Table.Td>
                  {milestone.date} {milestone.time ?? t('admin.endOfDay')}
                </Table.Td>
                <Table.Td>{milestone.isDefault ? t('admin.yes') : t('admin.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">{t('admin.milestones.zoneNote')}</Text>
      {canEdit && (
        <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="milestone-form-title">
          <Title order={3} size="h4" id="milestone-form-title">
            {t('admin.milestones.editTitle')}
          </Title>
          {form.summary}
          <Group align="flex-start" gap="md" wrap="wrap">
            <NativeSelect
              id="milestone-code"
              label={t('admin.milestones.colStep')}
              data={milestones.data.map((m) => ({ value: m.code, label: t(`admin.milestone.${m.code}` as MessageKey) }))}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value as Milestone)}
            />
            <TextInput id={form.fieldId('date')} type="date" label={t('admin.milestones.colDate')} value={values.date} error={form.errorOf('date')} onChange={(event) => setValues({ ...values, date: event.currentTarget.value })} />
            <TextInput id={form.fieldId('time')} type="time" label={t('admin.periods.deadlineTime')} value={values.time} error={form.errorOf('time')} onChange={(event) => setValues({ ...values, time: event.currentTarget.value })} />
          </Group>
          <Group>
            <Button type="submit" loading={busy}>
              {t('admin.milestones.save')}
            </Button>
          </Group>
          {saved && <Text role="status">{t('admin.saved')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
