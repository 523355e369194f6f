import { Alert, Button, Code, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { isApiErrorBody } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { formatDeadline, zoneOfOrganisation } from '../../../lib/deadline';
import { outcomeOf, useApiTokens } from '../admin-data';
import { useFormProblems } from '../admin-form';
import { ROLES, roleAssignment, scopeWords, type RoleName } from '../admin-model';
import { AdminPage } from '../admin-page';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

const FIELDS = ['name', 'role', 'organisationId', 'regionCode', 'provinceCode'] as const;
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Creating a token: the answer is the only time the token is shown, so it is shown once, with a note to store it. */
function CreateTokenForm() {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const form = useFormProblems('token', FIELDS);
  const [values, setValues] = useState({ name: '', role: 'VIEWER' as RoleName, organisationId: '', regionCode: '', provinceCode: '' });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = async () => {
    setCreated(null);
    const outcome = await outcomeOf(api.POST('/api/v1/api-tokens', { body: { name: values.name.trim(), ...roleAssignment(values.role, values) } }));
    if (!outcome.ok) return form.fromApi(outcome.error);
    form.clear();
    setCreated({ name: outcome.data.name, token: outcome.data.token });
    set({ name: '' });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'api-tokens'] });
  };
  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void submit())} aria-labelledby="token-form-title">
      <Title order={2} size="h3" id="token-form-title">
        {t('admin.tokens.createTitle')}
      </Title>
      {form.summary}
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput id={form.fieldId('name')} label={t('admin.tokens.name')} value={values.name} error={form.errorOf('name')} onChange={(event) => set({ name: event.currentTarget.value })} />
        <NativeSelect id={form.fieldId('role')} label={t('admin.invite.role')} data={ROLES.map((role) => ({ value: role, label: t(`admin.role.${role}` as MessageKey) }))} value={values.role} error={form.errorOf('role')} onChange={(event) => set({ role: event.currentTarget.value as RoleName })} />
        <TextInput id={form.fieldId('organisationId')} label={t('admin.tokens.organisationId')} value={values.organisationId} error={form.errorOf('organisationId')} onChange={(event) => set({ organisationId: event.currentTarget.value })} />
        <TextInput id={form.fieldId('regionCode')} label={t('admin.regionCode')} value={values.regionCode} error={form.errorOf('regionCode')} onChange={(event) => set({ regionCode: event.currentTarget.value })} />
        <TextInput id={form.fieldId('provinceCode')} label={t('admin.provinceCode')} value={values.provinceCode} error={form.errorOf('provinceCode')} onChange={(event) => set({ provinceCode: event.currentTarget.value })} />
      </Group>
      <Text size="sm">{t('admin.role.scopeHint')}</Text>
      <Group>
        <Button type="submit">{t('admin.tokens.create')}</Button>
      </Group>
      {created && (
        <Alert color="green" role="status" title={t('admin.tokens.createdTitle', { name: created.name })} data-testid="token-created">
          <Text size="sm">{t('admin.tokens.storeNow')}</Text>
          <Code block>{created.token}</Code>
        </Alert>
      )}
    </Stack>
  );
}

/** API tokens: newest first, revoked ones included; never the tokens themselves. */
function TokensPage() {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const tokens = useApiTokens();
  const [refusal, setRefusal] = useState<string | null>(null);
  const zone = zoneOfOrganisation(null);
  const when = (instant: string | null) => (instant ? formatDeadline(new Date(instant), zone, language) : '—');
  const revoke = async (id: string) => {
    const outcome = await outcomeOf(api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } }));
    setRefusal(outcome.ok ? null : isApiErrorBody(outcome.error) ? outcome.error.message : t('form.network'));
    await queryClient.invalidateQueries({ queryKey: ['admin', 'api-tokens'] });
  };
  return (
    <AdminPage title={t('admin.tokens.title')} allowed={(access) => access.apiTokens}>
      {() => (
        <>
          <Text>{t('admin.tokens.intro')}</Text>
          {refusal && (
            <Alert color={DANGER_COLOUR} role="alert">
              {refusal}
            </Alert>
          )}
          {tokens.isError ? (
            <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
          ) : !tokens.data ? (
            <Loader size="sm" role="status" aria-label={t('admin.loading')} />
          ) : tokens.data.length === 0 ? (
            <Text>{t('admin.tokens.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="tokens-table">
                <Table.Caption c={CAPTION_COLOUR}>{t('admin.tokens.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.tokens.name')}</Table.Th>
                    <Table.Th scope="col">{t('admin.tokens.prefix')}</Table.Th>
                    <Table.Th scope="col">{t('admin.users.colRoles')}</Table.Th>
                    <Table.Th scope="col">{t('admin.tokens.lastUsed')}</Table.Th>
                    <Table.Th scope="col">{t('admin.users.colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('admin.colActions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((token) => (
                    <Table.Tr key={token.id} data-testid="token-row">
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>
                        <Code>{token.tokenPrefix}</Code>
                      </Table.Td>
                      <Table.Td>
                        {t(`admin.role.${token.role}` as MessageKey)} · {scopeWords(token, NO_NAMES, t('admin.national'))}
                      </Table.Td>
                      <Table.Td>{when(token.lastUsedAt)}</Table.Td>
                      <Table.Td>{token.revokedAt ? t('admin.tokens.revokedAt', { when: when(token.revokedAt) }) : t('admin.active')}</Table.Td>
                      <Table.Td>
                        {!token.revokedAt && (
                          <Button size="xs" variant="outline" color={DANGER_COLOUR} aria-label={t('admin.tokens.revokeNamed', { name: token.name })} onClick={() => void revoke(token.id)}>
                            {t('admin.tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <CreateTokenForm />
        </>
      )}
    </AdminPage>
  );
}

export const Route = createLazyRoute('/manage/tokens')({ component: TokensPage });
