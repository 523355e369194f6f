import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { formatDeadline } from '../../../lib/deadline';
import { outcomeOf } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { ZONES, deadlinesByZone, type PeriodView } from '../admin-model';
import { READABLE_HINT, CAPTION_COLOUR } from '../admin-styles';

/** A cycle's periods: the opening day and the deadline in each of Indonesia's zones, named. */
export function PeriodsTable({ periods }: { periods: PeriodView[] }) {
  const { t, language } = useLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="periods-table">
        <Table.Caption c={CAPTION_COLOUR}>{t('admin.periods.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.periods.colCode')}</Table.Th>
            <Table.Th scope="col">{t('admin.periods.colOpens')}</Table.Th>
            {ZONES.map((zone) => (
              <Table.Th scope="col" key={zone}>
                {t('admin.periods.colDeadlineIn', { zone })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={period.id} data-testid="period-row" data-code={period.code}>
              <Table.Th scope="row">{period.code}</Table.Th>
              <Table.Td>{period.opensOn ?? t('admin.periods.noOpening')}</Table.Td>
              {deadlinesByZone(period).map(({ zone, instant }) => (
                <Table.Td key={zone}>{formatDeadline(instant, zone, language)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const PERIOD_FIELDS = ['opensOn', 'deadlineDate', 'deadlineTime', 'timeZone'] as const;

/** PUT a period's opening and deadline (a local date and time in each unit's own zone, unless one zone is chosen). */
export function PeriodForm({ cycleId, periods }: { cycleId: string; periods: PeriodView[] }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('period', PERIOD_FIELDS);
  const [code, setCode] = useState(periods[0]?.code ?? '');
  const chosen = periods.find((period) => period.code === code);
  const [values, setValues] = useState({ opensOn: chosen?.opensOn ?? '', deadlineDate: chosen?.deadlineDate ?? '', deadlineTime: chosen?.deadlineTime ?? '', timeZone: chosen?.timeZone ?? '' });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = (next: string) => {
    const period = periods.find((p) => p.code === next);
    setCode(next);
    setValues({ opensOn: period?.opensOn ?? '', deadlineDate: period?.deadlineDate ?? '', deadlineTime: period?.deadlineTime ?? '', timeZone: period?.timeZone ?? '' });
    setSaved(false);
    form.clear();
  };

  const submit = async () => {
    setBusy(true);
    setSaved(false);
    const body = {
      deadlineDate: values.deadlineDate,
      ...(values.opensOn ? { opensOn: values.opensOn } : {}),
      ...(values.deadlineTime ? { deadlineTime: values.deadlineTime } : {}),
      ...(values.timeZone ? { timeZone: values.timeZone } : {}),
    };
    const outcome = await outcomeOf(api.PUT('/api/v1/cycles/{cycleId}/periods/{code}', { params: { path: { cycleId, code } }, body }));
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setSaved(true);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'periods', cycleId] });
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="period-form-title" data-testid="period-form">
      <Title order={3} size="h4" id="period-form-title">
        {t('admin.periods.editTitle')}
      </Title>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <NativeSelect id="period-code" label={t('admin.period')} data={periods.map((p) => p.code)} value={code} onChange={(event) => choose(event.currentTarget.value)} />
        <TextInput id={form.fieldId('opensOn')} type="date" label={t('admin.periods.opensOn')} value={values.opensOn} error={form.errorOf('opensOn')} onChange={(event) => setValues({ ...values, opensOn: event.currentTarget.value })} />
        <TextInput id={form.fieldId('deadlineDate')} type="date" label={t('admin.periods.deadlineDate')} value={values.deadlineDate} error={form.errorOf('deadlineDate')} onChange={(event) => setValues({ ...values, deadlineDate: event.currentTarget.value })} />
        <TextInput id={form.fieldId('deadlineTime')} type="time" label={t('admin.periods.deadlineTime')} styles={READABLE_HINT} description={t('admin.periods.deadlineTimeHint')} value={values.deadlineTime} error={form.errorOf('deadlineTime')} onChange={(event) => setValues({ ...values, deadlineTime: event.currentTarget.value })} />
        <NativeSelect
          id={form.fieldId('timeZone')}
          label={t('admin.periods.zone')}
          data={[{ value: '', label: t('admin.periods.ownZone') }, ...ZONES.map((zone) => ({ value: zone, label: zone }))]}
          value={values.timeZone}
          error={form.errorOf('timeZone')}
          onChange={(event) => setValues({ ...values, timeZone: event.currentTarget.value })}
        />
      </Group>
      <Group>
        <Button type="submit" loading={busy} disabled={!code}>
          {t('admin.periods.save')}
        </Button>
      </Group>
      {saved && (
        <Text role="status" data-testid="period-saved">
          {t('admin.saved')}
        </Text>
      )}
    </Stack>
  );
}
