import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from '../review/review-data';
import { readsScores } from './scores-model';

/** Beranda's way to the scores, for those who oversee reporters (coordinators, the Kanwil, the centre, admins). */
export function ScoresHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || !readsScores(roles.data)) return null;
  return (
    <Anchor component={Link} to="/scores" fw={600} data-testid="scores-link">
      {t('scores.homeLink')}
    </Anchor>
  );
}
