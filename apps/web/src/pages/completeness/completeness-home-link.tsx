import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from '../review/review-data';
import { overseesCompleteness } from './completeness-model';

/** Beranda's way to the completeness page, for those who oversee units (coordinators, the Kanwil, the centre, admins). */
export function CompletenessHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || !overseesCompleteness(roles.data)) return null;
  return (
    <Anchor component={Link} to="/completeness" fw={600} data-testid="completeness-link">
      {t('completeness.homeLink')}
    </Anchor>
  );
}
