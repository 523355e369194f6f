import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useLanguage } from '../../i18n/language';
import { useMyRoles } from '../review/review-data';
import { followsReminders } from '../reminders/reminders-model';
import { usesDashboard } from './dashboard-model';

/** Beranda's ways to the dashboard (the centre, the Kanwil) and the reminder ledger (they and coordinators). */
export function DashboardHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data) return null;
  return (
    <>
      {usesDashboard(roles.data) && (
        <Anchor component={Link} to="/dashboard" fw={600} data-testid="dashboard-link">
          {t('dashboard.homeLink')}
        </Anchor>
      )}
      {followsReminders(roles.data) && (
        <Anchor component={Link} to="/reminders" fw={600} data-testid="reminders-link">
          {t('reminders.homeLink')}
        </Anchor>
      )}
    </>
  );
}
