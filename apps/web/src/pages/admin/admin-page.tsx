import { Alert, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from '../review/review-data';
import { adminAccess, type AdminAccess } from './admin-model';
import { AdminNav } from './admin-nav';

/**
 * The frame of an administration page: its title and the admin links, or a plain "no access" when the caller's roles
 * do not use it (the API would refuse anyway), instead of a page of refusals.
 */
export function AdminPage({ title, allowed, children }: { title: string; allowed: (access: AdminAccess) => boolean; children: (access: AdminAccess) => ReactNode }) {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (roles.isError) return <Alert color="red">{t('admin.loadFailed')}</Alert>;
  if (!roles.data) return <Loader size="sm" role="status" aria-label={t('admin.loading')} />;
  const access = adminAccess(roles.data);
  if (!allowed(access)) {
    return (
      <Alert color="gray" data-testid="admin-no-access">
        {t('admin.noAccess')}
      </Alert>
    );
  }
  return (
    <Stack gap="lg" maw={1100}>
      <AdminNav access={access} />
      <Title order={1}>{title}</Title>
      {children(access)}
    </Stack>
  );
}
