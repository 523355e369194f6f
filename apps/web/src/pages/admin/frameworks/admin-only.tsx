import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLanguage } from '../../../i18n/language';
import { useMyRoles } from '../../review/review-data';
import { managesFrameworks } from './frameworks-model';

/** The framework pages for national admins only: anyone else reads a plain "no access" rather than the API's 403s. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (roles.isPending) return <Loader size="sm" aria-label={t('frameworks.loading')} />;
  if (roles.isError) return <Alert color="red">{t('frameworks.loadFailed')}</Alert>;
  if (!managesFrameworks(roles.data)) {
    return (
      <Alert color="gray" data-testid="frameworks-no-access">
        {t('frameworks.noAccess')}
      </Alert>
    );
  }
  return <>{children}</>;
}
