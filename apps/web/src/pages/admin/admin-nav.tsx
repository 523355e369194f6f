import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from '../report/links';
import { openQueueBoard } from './admin-data';
import type { AdminAccess } from './admin-model';

/** The way between the administration pages, each link only for those whose roles use that page. */
export function AdminNav({ access }: { access: AdminAccess }) {
  const { t } = useLanguage();
  return (
    <Group component="nav" aria-label={t('admin.navLabel')} gap="md" wrap="wrap">
      {access.cycles && <AnchorLink to="/manage/cycles">{t('admin.cycles.title')}</AnchorLink>}
      {access.people && <AnchorLink to="/manage/people">{t('admin.people.title')}</AnchorLink>}
      {access.apiTokens && <AnchorLink to="/manage/tokens">{t('admin.tokens.title')}</AnchorLink>}
      {access.audit && <AnchorLink to="/manage/audit">{t('admin.audit.title')}</AnchorLink>}
    </Group>
  );
}

/** The queue dashboard, for national admins: it is served outside the app and takes the session's token by POST. */
export function QueueBoardButton() {
  const { t } = useLanguage();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button variant="outline" onClick={async () => setFailed(!(await openQueueBoard().catch(() => false)))} data-testid="queue-board">
        {t('admin.queues.open')}
      </Button>
      {failed && (
        <Alert color="red" role="alert">
          {t('admin.queues.failed')}
        </Alert>
      )}
    </>
  );
}
