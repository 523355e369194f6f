import { Button, Group, List, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import { formatDeadline } from '../../../lib/deadline';
import { outcomeOf, useOrganisations } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { ExtensionsTable } from './extensions-table';
import { REGION_CODE, ZONES, checkExtension, extensionBody, zoneOfRegion, type ExtensionField, type ExtensionValues, type PeriodView } from '../admin-model';
import { READABLE_HINT } from '../admin-styles';

const FIELDS: readonly ExtensionField[] = ['periodCode', 'regionCode', 'organisationId', 'until', 'reason'];

/**
 * More time for a regency/city (or one of its units, or a ministry's or a province's reporter by its organisation):
 * the until instant is typed in a named zone, and the extension is read back in the region's own zone.
 */
export function ExtensionForm({ cycleId, periods }: { cycleId: string; periods: PeriodView[] }) {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('extension', FIELDS);
  const [values, setValues] = useState<ExtensionValues>({ periodCode: periods[0]?.code ?? '', regionCode: '', organisationId: '', date: '', time: '23:59', zone: ZONES[0], reason: '' });
  const [granted, setGranted] = useState<{ view: Schemas['ExtensionView']; periodCode: string; place: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const region = values.regionCode.trim();
  const units = useOrganisations({ regionCode: region }, REGION_CODE.test(region));
  const unitOptions = REGION_CODE.test(region) ? (units.data?.items ?? []) : [];
  const set = (patch: Partial<ExtensionValues>) => setValues({ ...values, ...patch });

  const submit = async () => {
    const own = checkExtension(values);
    if (own.length) return form.setProblems(own);
    setBusy(true);
    const outcome = await outcomeOf(
      api.POST('/api/v1/cycles/{cycleId}/periods/{code}/extensions', { params: { path: { cycleId, code: values.periodCode } }, body: extensionBody(values) }),
    );
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    const unit = unitOptions.find((o) => o.id === values.organisationId);
    setGranted([{ view: outcome.data, periodCode: values.periodCode, place: unit?.name ?? (region || values.organisationId) }, ...granted]);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['completeness'] }), queryClient.invalidateQueries({ queryKey: ['admin', 'extensions', cycleId] })]);
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="extension-form-title" data-testid="extension-form">
      <Title order={3} size="h4" id="extension-form-title">
        {t('admin.extension.title')}
      </Title>
      <Text size="sm">{t('admin.extension.intro')}</Text>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <NativeSelect id={form.fieldId('periodCode')} label={t('admin.period')} data={periods.map((p) => p.code)} value={values.periodCode} error={form.errorOf('periodCode')} onChange={(event) => set({ periodCode: event.currentTarget.value })} />
        <TextInput id={form.fieldId('regionCode')} label={t('admin.extension.region')} styles={READABLE_HINT} description={t('admin.extension.regionHint')} value={values.regionCode} error={form.errorOf('regionCode')} onChange={(event) => set({ regionCode: event.currentTarget.value, organisationId: '' })} />
        <NativeSelect
          id={form.fieldId('organisationId')}
          label={t('admin.extension.unit')}
          data={[{ value: '', label: t('admin.extension.wholeRegion') }, ...unitOptions.map((o) => ({ value: o.id, label: o.name }))]}
          value={values.organisationId}
          error={form.errorOf('organisationId')}
          onChange={(event) => set({ organisationId: event.currentTarget.value })}
        />
      </Group>
      <Group align="flex-start" gap="md" wrap="wrap" role="group" aria-labelledby="extension-until-label">
        <Text id="extension-until-label" fw={500} size="sm" w="100%">
          {t('admin.extension.until')}
        </Text>
        <TextInput id={form.fieldId('until')} type="date" label={t('admin.extension.untilDate')} value={values.date} error={form.errorOf('until')} onChange={(event) => set({ date: event.currentTarget.value })} />
        <TextInput id="extension-time" type="time" label={t('admin.extension.untilTime')} value={values.time} onChange={(event) => set({ time: event.currentTarget.value })} />
        <NativeSelect id="extension-zone" label={t('admin.extension.zone')} data={ZONES.map((zone) => zone)} value={values.zone} onChange={(event) => set({ zone: event.currentTarget.value as ExtensionValues['zone'] })} />
      </Group>
      <Textarea id={form.fieldId('reason')} label={t('admin.extension.reason')} value={values.reason} error={form.errorOf('reason')} onChange={(event) => set({ reason: event.currentTarget.value })} autosize minRows={2} />
      <Group>
        <Button type="submit" loading={busy}>
          {t('admin.extension.submit')}
        </Button>
      </Group>
      <ExtensionsTable cycleId={cycleId} code={values.periodCode} unitNames={new Map(unitOptions.map((o) => [o.id, o.name]))} />
      {granted.length > 0 && (
        <div role="status" data-testid="extensions-granted">
          <Text fw={600}>{t('admin.extension.granted')}</Text>
          <List>
            {granted.map(({ view, periodCode, place }) => {
              // Read in the region's own zone; a ministry or a province reporter without a region, in the zone typed.
              const zone = view.regionCode ? zoneOfRegion(view.regionCode) : values.zone;
              return (
                <List.Item key={view.id} data-testid="extension-granted">
                  {t('admin.extension.grantedLine', { place, period: periodCode, until: formatDeadline(new Date(view.until), zone, language) })}
                </List.Item>
              );
            })}
          </List>
        </div>
      )}
    </Stack>
  );
}
