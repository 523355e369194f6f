import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { outcomeOf, type OrganisationView } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { READABLE_HINT, CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

type Kind = Schemas['OrganisationView']['kind'];
const KINDS: readonly Kind[] = ['MINISTRY', 'DIRECTORATE', 'KANWIL', 'BIRO_HUKUM', 'BAGIAN_HUKUM', 'OPD', 'COMPANY', 'UNIVERSITY', 'NGO'];
const CREATE_FIELDS = ['kind', 'name', 'provinceCode', 'regionCode', 'parentId'] as const;
const RENAME_FIELDS = ['name'] as const;

/** Renaming one organisation, inline in its row. */
function RenameForm({ organisation, onDone }: { organisation: OrganisationView; onDone(): void }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems(`rename-${organisation.id}`, RENAME_FIELDS);
  const [name, setName] = useState(organisation.name);
  const submit = async () => {
    const outcome = await outcomeOf(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id: organisation.id } }, body: { name } }));
    if (!outcome.ok) return form.fromApi(outcome.error);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
    onDone();
  };
  return (
    <Stack gap={4} component="form" onSubmit={(event) => (event.preventDefault(), void submit())}>
      {form.summary}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput id={form.fieldId('name')} label={t('admin.org.newName')} value={name} error={form.errorOf('name')} onChange={(event) => setName(event.currentTarget.value)} />
        <Button type="submit" size="xs">
          {t('admin.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('admin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The organisations in the caller's scope (one regency/city at a time when a region is chosen), each to rename or deactivate. */
export function OrganisationsTable({ organisations, canManage }: { organisations: OrganisationView[]; canManage: boolean }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const deactivate = async (organisation: OrganisationView) => {
    const outcome = await outcomeOf(api.POST('/api/v1/organisations/{id}/deactivate', { params: { path: { id: organisation.id } }, body: {} }));
    if (!outcome.ok) return setRefusal(outcome.error && typeof outcome.error === 'object' && 'message' in outcome.error ? String(outcome.error.message) : t('form.network'));
    setRefusal(null);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
  };
  if (organisations.length === 0) return <Text>{t('admin.org.none')}</Text>;
  return (
    <Stack gap="xs">
      {refusal && (
        <Alert color={DANGER_COLOUR} role="alert">
          {refusal}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="organisations-table">
          <Table.Caption c={CAPTION_COLOUR}>{t('admin.org.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.org.colName')}</Table.Th>
              <Table.Th scope="col">{t('admin.org.colKind')}</Table.Th>
              <Table.Th scope="col">{t('admin.org.colPlace')}</Table.Th>
              <Table.Th scope="col">{t('admin.org.colActive')}</Table.Th>
              {canManage && <Table.Th scope="col">{t('admin.colActions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.map((organisation) => (
              <Table.Tr key={organisation.id} data-testid="organisation-row">
                <Table.Td>{renaming === organisation.id ? <RenameForm organisation={organisation} onDone={() => setRenaming(null)} /> : organisation.name}</Table.Td>
                <Table.Td>{t(`admin.kind.${organisation.kind}` as MessageKey)}</Table.Td>
                <Table.Td>{organisation.regionCode ?? organisation.provinceCode ?? t('admin.national')}</Table.Td>
                <Table.Td>{organisation.active ? t('admin.active') : t('admin.inactive')}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <Button size="xs" variant="outline" onClick={() => setRenaming(organisation.id)} aria-label={t('admin.org.renameNamed', { name: organisation.name })}>
                        {t('admin.org.rename')}
                      </Button>
                      {organisation.active && (
                        <Button size="xs" variant="outline" color={DANGER_COLOUR} onClick={() => void deactivate(organisation)} aria-label={t('admin.deactivateNamed', { name: organisation.name })}>
                          {t('admin.deactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A new organisation in the place its kind belongs: a province for a Kanwil or Biro Hukum, a regency/city for an OPD. */
export function CreateOrganisationForm({ defaultRegion }: { defaultRegion: string }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('create-org', CREATE_FIELDS);
  const [values, setValues] = useState({ kind: 'OPD' as Kind, name: '', provinceCode: '', regionCode: defaultRegion, parentId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = async () => {
    setCreated(null);
    const body = {
      kind: values.kind,
      name: values.name.trim(),
      ...(values.provinceCode.trim() ? { provinceCode: values.provinceCode.trim() } : {}),
      ...(values.regionCode.trim() ? { regionCode: values.regionCode.trim() } : {}),
      ...(values.parentId.trim() ? { parentId: values.parentId.trim() } : {}),
    };
    const outcome = await outcomeOf(api.POST('/api/v1/organisations', { body }));
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setCreated(outcome.data.name);
    set({ name: '' });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
  };
  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="create-org-title">
      <Title order={3} size="h4" id="create-org-title">
        {t('admin.org.createTitle')}
      </Title>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <NativeSelect id={form.fieldId('kind')} label={t('admin.org.colKind')} data={KINDS.map((kind) => ({ value: kind, label: t(`admin.kind.${kind}` as MessageKey) }))} value={values.kind} error={form.errorOf('kind')} onChange={(event) => set({ kind: event.currentTarget.value as Kind })} />
        <TextInput id={form.fieldId('name')} label={t('admin.org.colName')} value={values.name} error={form.errorOf('name')} onChange={(event) => set({ name: event.currentTarget.value })} />
        <TextInput id={form.fieldId('regionCode')} label={t('admin.regionCode')} styles={READABLE_HINT} description={t('admin.regionCodeHint')} value={values.regionCode} error={form.errorOf('regionCode')} onChange={(event) => set({ regionCode: event.currentTarget.value })} />
        <TextInput id={form.fieldId('provinceCode')} label={t('admin.provinceCode')} styles={READABLE_HINT} description={t('admin.provinceCodeHint')} value={values.provinceCode} error={form.errorOf('provinceCode')} onChange={(event) => set({ provinceCode: event.currentTarget.value })} />
        <TextInput id={form.fieldId('parentId')} label={t('admin.org.parentId')} styles={READABLE_HINT} description={t('admin.org.parentIdHint')} value={values.parentId} error={form.errorOf('parentId')} onChange={(event) => set({ parentId: event.currentTarget.value })} />
      </Group>
      <Group>
        <Button type="submit">{t('admin.org.create')}</Button>
      </Group>
      {created && <Text role="status">{t('admin.org.created', { name: created })}</Text>}
    </Stack>
  );
}
