import { Card, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { reportersOf } from '../compile/compile-logic';
import { AnchorLink } from '../report/links';
import { useMyRoles } from '../review/review-data';

/** Beranda's way to the assignments page, for coordinators of a reporter and national admins. */
export function AssignmentsHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || (reportersOf(roles.data).length === 0 && !roles.data.some((grant) => grant.role === 'NATIONAL_ADMIN'))) return null;
  return (
    <Card withBorder data-testid="assignments-home-link">
      <AnchorLink to="/manage/assignments">{t('assignments.homeLink')}</AnchorLink>
      <Text size="sm">{t('assignments.intro')}</Text>
    </Card>
  );
}
