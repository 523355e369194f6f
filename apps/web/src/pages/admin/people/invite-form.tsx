import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { outcomeOf, type OrganisationView } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { ROLES, roleAssignment, type RoleName } from '../admin-model';
import { READABLE_HINT } from '../admin-styles';

const FIELDS = ['email', 'displayName', 'organisationId', 'locale', 'roles'] as const;

/**
 * Invites a person: the account is created with one role and its owner is mailed a link to set their own password
 * (nobody else ever knows it). The role's scope comes from the chosen organisation or the region being looked at.
 */
export function InviteForm({ organisations, regionCode, roles = ROLES }: { organisations: OrganisationView[]; regionCode: string; roles?: readonly RoleName[] }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('invite', FIELDS);
  const [values, setValues] = useState({ email: '', displayName: '', organisationId: '', locale: 'id' as 'id' | 'en', role: 'UNIT_OPERATOR' as RoleName });
  const [invited, setInvited] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const organisation = organisations.find((o) => o.id === values.organisationId);

  const submit = async () => {
    setBusy(true);
    setInvited(null);
    const role = roleAssignment(values.role, { organisationId: values.organisationId, regionCode: organisation?.regionCode ?? regionCode, provinceCode: organisation?.provinceCode ?? '' });
    const outcome = await outcomeOf(
      api.POST('/api/v1/users', {
        body: {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          locale: values.locale,
          ...(values.organisationId ? { organisationId: values.organisationId } : {}),
          roles: [role],
        },
      }),
    );
    setBusy(false);
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setInvited(outcome.data.email);
    setValues({ ...values, email: '', displayName: '' });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="invite-title" data-testid="invite-form">
      <Title order={3} size="h4" id="invite-title">
        {t('admin.invite.title')}
      </Title>
      <Text size="sm">{t('admin.invite.intro')}</Text>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput id={form.fieldId('email')} inputMode="email" label={t('admin.invite.email')} value={values.email} error={form.errorOf('email')} onChange={(event) => set({ email: event.currentTarget.value })} autoComplete="off" />
        <TextInput id={form.fieldId('displayName')} label={t('admin.invite.displayName')} value={values.displayName} error={form.errorOf('displayName')} onChange={(event) => set({ displayName: event.currentTarget.value })} autoComplete="off" />
        <NativeSelect
          id={form.fieldId('organisationId')}
          label={t('admin.invite.organisation')}
          styles={READABLE_HINT} description={t('admin.invite.organisationHint')}
          data={[{ value: '', label: t('admin.invite.noOrganisation') }, ...organisations.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))]}
          value={values.organisationId}
          error={form.errorOf('organisationId')}
          onChange={(event) => set({ organisationId: event.currentTarget.value })}
        />
        <NativeSelect
          id={form.fieldId('roles')}
          label={t('admin.invite.role')}
          data={roles.map((role) => ({ value: role, label: t(`admin.role.${role}` as MessageKey) }))}
          value={values.role}
          error={form.errorOf('roles')}
          onChange={(event) => set({ role: event.currentTarget.value as RoleName })}
        />
        <NativeSelect
          id={form.fieldId('locale')}
          label={t('admin.invite.locale')}
          data={[
            { value: 'id', label: t('language.id') },
            { value: 'en', label: t('language.en') },
          ]}
          value={values.locale}
          onChange={(event) => set({ locale: event.currentTarget.value as 'id' | 'en' })}
        />
      </Group>
      <Group>
        <Button type="submit" loading={busy}>
          {t('admin.invite.submit')}
        </Button>
      </Group>
      {invited && (
        <Text role="status" data-testid="invite-sent">
          {t('admin.invite.sent', { email: invited })}
        </Text>
      )}
    </Stack>
  );
}
