import { Card, Group, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from '../report/links';
import { useMyRoles } from '../review/review-data';
import { adminAccess } from './admin-model';
import { QueueBoardButton } from './admin-nav';

/** Beranda's way to the calendar and people pages, for admins and the scoped roles that run a part of them. */
export function AdminHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data) return null;
  const access = adminAccess(roles.data);
  if (!access.cycles && !access.people) return null;
  return (
    <Card withBorder data-testid="admin-home-link">
      <Text fw={600} mb={4}>
        {t('admin.homeTitle')}
      </Text>
      <Group gap="md" wrap="wrap">
        {access.cycles && <AnchorLink to="/manage/cycles">{t('admin.cycles.title')}</AnchorLink>}
        {access.people && <AnchorLink to="/manage/people">{t('admin.people.title')}</AnchorLink>}
        {access.audit && <AnchorLink to="/manage/audit">{t('admin.audit.title')}</AnchorLink>}
      </Group>
      {access.queues && (
        <Group mt="sm">
          <QueueBoardButton />
        </Group>
      )}
    </Card>
  );
}
