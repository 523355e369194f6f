import { Alert, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { isApiErrorBody } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../auth/session';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { outcomeOf, type UserView } from '../admin-data';
import { scopeWords } from '../admin-model';
import { CAPTION_COLOUR, DANGER_COLOUR } from '../admin-styles';

/** Accounts in scope with their roles; each role removable, each account deactivatable, a pending invitation resendable. */
export function UsersTable({ users, organisationNames, canManage }: { users: UserView[]; organisationNames: ReadonlyMap<string, string>; canManage: boolean }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const act = async (call: Promise<{ data?: unknown; error?: unknown; response: Response }>, done: string) => {
    const outcome = await outcomeOf(call);
    if (!outcome.ok) return setNotice({ ok: false, text: isApiErrorBody(outcome.error) ? outcome.error.message : t('form.network') });
    setNotice({ ok: true, text: done });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  };

  if (users.length === 0) return <Text>{t('admin.users.none')}</Text>;
  return (
    <Stack gap="xs">
      {notice && (
        <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="users-table">
          <Table.Caption c={CAPTION_COLOUR}>{t('admin.users.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.users.colName')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.colOrganisation')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.colRoles')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.colStatus')}</Table.Th>
              {canManage && <Table.Th scope="col">{t('admin.colActions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {user.displayName}
                  </Text>
                  <Text size="sm">{user.email}</Text>
                </Table.Td>
                <Table.Td>{user.organisationId ? (organisationNames.get(user.organisationId) ?? user.organisationId) : t('admin.national')}</Table.Td>
                <Table.Td>
                  <List size="sm" listStyleType="none" spacing={4}>
                    {user.roles.map((role) => (
                      <List.Item key={role.id}>
                        <Group gap={6} wrap="wrap">
                          <span>
                            {t(`admin.role.${role.role}` as MessageKey)} · {scopeWords(role, organisationNames, t('admin.national'))}
                          </span>
                          {canManage && (
                            <Button
                              size="compact-xs"
                              variant="outline"
                              color={DANGER_COLOUR}
                              aria-label={t('admin.users.removeRoleNamed', { role: t(`admin.role.${role.role}` as MessageKey), name: user.displayName })}
                              onClick={() => void act(api.DELETE('/api/v1/users/{id}/roles/{assignmentId}', { params: { path: { id: user.id, assignmentId: role.id } } }), t('admin.users.roleRemoved'))}
                            >
                              {t('admin.users.removeRole')}
                            </Button>
                          )}
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td>
                  {/* Words carry the state; the badge's colour only repeats it. */}
                  <Badge variant="dot" color={!user.active ? 'gray' : user.invitationPending ? 'orange' : 'green'} styles={{ root: { height: 'auto', textTransform: 'none' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>
                    {!user.active ? t('admin.inactive') : user.invitationPending ? t('admin.users.invited') : t('admin.active')}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      {user.active && user.invitationPending && (
                        <Button size="xs" variant="outline" aria-label={t('admin.users.resendNamed', { name: user.displayName })} onClick={() => void act(api.POST('/api/v1/users/{id}/invitation', { params: { path: { id: user.id } } }), t('admin.users.resent', { email: user.email }))}>
                          {t('admin.users.resend')}
                        </Button>
                      )}
                      {user.active && (
                        <Button
                          size="xs"
                          variant="outline"
                          color={DANGER_COLOUR}
                          aria-label={t('admin.deactivateNamed', { name: user.displayName })}
                          onClick={() => void act(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } }, body: {} }), t('admin.users.deactivated', { name: user.displayName }))}
                        >
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
