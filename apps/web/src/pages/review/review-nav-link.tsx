import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from './review-data';
import { holdsReviewingRole } from './review-queue';

/** "Tinjauan" in the header, only for someone who decides at a review stage (unit head, coordinator, Kanwil, centre). */
export function ReviewNavLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || !holdsReviewingRole(roles.data)) return null;
  return (
    <Anchor component={Link} to="/review" size="sm" fw={600}>
      {t('nav.review')}
    </Anchor>
  );
}
