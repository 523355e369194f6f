import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { outcomeOf, type OrganisationView, type UserView } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { ROLES, roleAssignment, type RoleName } from '../admin-model';

const FIELDS = ['user', 'role', 'organisationId', 'regionCode', 'provinceCode'] as const;

/** Gives an account one more role; the API allows only roles within the caller's own scope and never a broader one. */
export function RoleForm({ users, organisations, regionCode }: { users: UserView[]; organisations: OrganisationView[]; regionCode: string }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('role', FIELDS);
  const [values, setValues] = useState({ user: '', role: 'VIEWER' as RoleName, organisationId: '', regionCode, provinceCode: '' });
  const [done, setDone] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = async () => {
    setDone(false);
    if (!values.user) return form.setProblems([{ field: 'user', message: { key: 'admin.role.userRequired' } }]);
    const outcome = await outcomeOf(api.POST('/api/v1/users/{id}/roles', { params: { path: { id: values.user } }, body: roleAssignment(values.role, values) }));
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setDone(true);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  };
  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="role-form-title">
      <Title order={3} size="h4" id="role-form-title">
        {t('admin.role.addTitle')}
      </Title>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <NativeSelect
          id={form.fieldId('user')}
          label={t('admin.role.user')}
          data={[{ value: '', label: t('admin.role.chooseUser') }, ...users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))]}
          value={values.user}
          error={form.errorOf('user')}
          onChange={(event) => set({ user: event.currentTarget.value })}
        />
        <NativeSelect id={form.fieldId('role')} label={t('admin.invite.role')} data={ROLES.map((role) => ({ value: role, label: t(`admin.role.${role}` as MessageKey) }))} value={values.role} error={form.errorOf('role')} onChange={(event) => set({ role: event.currentTarget.value as RoleName })} />
        <NativeSelect
          id={form.fieldId('organisationId')}
          label={t('admin.invite.organisation')}
          data={[{ value: '', label: t('admin.invite.noOrganisation') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          value={values.organisationId}
          error={form.errorOf('organisationId')}
          onChange={(event) => set({ organisationId: event.currentTarget.value })}
        />
        <TextInput id={form.fieldId('regionCode')} label={t('admin.regionCode')} value={values.regionCode} error={form.errorOf('regionCode')} onChange={(event) => set({ regionCode: event.currentTarget.value })} />
        <TextInput id={form.fieldId('provinceCode')} label={t('admin.provinceCode')} value={values.provinceCode} error={form.errorOf('provinceCode')} onChange={(event) => set({ provinceCode: event.currentTarget.value })} />
      </Group>
      <Text size="sm">{t('admin.role.scopeHint')}</Text>
      <Group>
        <Button type="submit">{t('admin.role.add')}</Button>
      </Group>
      {done && <Text role="status">{t('admin.role.added')}</Text>}
    </Stack>
  );
}
