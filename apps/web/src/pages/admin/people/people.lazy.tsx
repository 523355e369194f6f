import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useLanguage } from '../../../i18n/language';
import { useOrganisations, useUsers } from '../admin-data';
import { QueueBoardButton } from '../admin-nav';
import { AdminPage } from '../admin-page';
import { InviteForm } from './invite-form';
import { CreateOrganisationForm, OrganisationsTable } from './organisations';
import { RoleForm } from './role-form';
import { UsersTable } from './users';
import { READABLE_HINT, DANGER_COLOUR } from '../admin-styles';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </section>
  );
}

/** Organisations and the people in them, one regency/city at a time (or all in scope), with invitations and roles. */
function PeoplePage() {
  const { t } = useLanguage();
  const [typed, setTyped] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const organisations = useOrganisations({ regionCode });
  const users = useUsers({ regionCode });
  const names = useMemo(() => new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name])), [organisations.data]);

  return (
    <AdminPage title={t('admin.people.title')} allowed={(access) => access.people}>
      {(access) => (
        <>
          <Text>{t('admin.people.intro')}</Text>
          {access.queues && (
            <Group>
              <QueueBoardButton />
            </Group>
          )}
          <Group component="form" role="search" aria-label={t('admin.people.filter')} align="flex-end" gap="sm" onSubmit={(event) => (event.preventDefault(), setRegionCode(typed.trim()))}>
            <TextInput id="people-region" label={t('admin.regionCode')} styles={READABLE_HINT} description={t('admin.people.regionHint')} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
            <Button type="submit" variant="outline">
              {t('admin.people.show')}
            </Button>
          </Group>
          {organisations.isError || users.isError ? (
            <Alert color={DANGER_COLOUR}>{t('admin.loadFailed')}</Alert>
          ) : !organisations.data || !users.data ? (
            <Loader size="sm" role="status" aria-label={t('admin.loading')} />
          ) : (
            <>
              <Section id="organisations-title" title={t('admin.org.title')}>
                <Text size="sm">{t('admin.shownOf', { n: organisations.data.items.length, total: organisations.data.total })}</Text>
                <OrganisationsTable organisations={organisations.data.items} canManage={access.managePeople} />
                {access.managePeople && <CreateOrganisationForm defaultRegion={regionCode} />}
              </Section>
              <Section id="users-title" title={t('admin.users.title')}>
                <Text size="sm">{t('admin.shownOf', { n: users.data.items.length, total: users.data.total })}</Text>
                <UsersTable users={users.data.items} organisationNames={names} canManage={access.managePeople} />
                {access.managePeople && <InviteForm organisations={organisations.data.items} regionCode={regionCode} />}
                {access.managePeople && <RoleForm users={users.data.items} organisations={organisations.data.items} regionCode={regionCode} />}
              </Section>
            </>
          )}
        </>
      )}
    </AdminPage>
  );
}

export const Route = createLazyRoute('/manage/people')({ component: PeoplePage });
