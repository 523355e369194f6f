import { Card, Text } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import { AnchorLink } from '../../report/links';
import { useMyRoles } from '../../review/review-data';
import { managesFrameworks } from './frameworks-model';

/** Beranda's way to the framework administration, only for national admins. */
export function FrameworksHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || !managesFrameworks(roles.data)) return null;
  return (
    <Card withBorder data-testid="frameworks-home-link">
      <AnchorLink to="/manage/frameworks">{t('frameworks.homeLink')}</AnchorLink>
      <Text size="sm">{t('frameworks.intro')}</Text>
    </Card>
  );
}
