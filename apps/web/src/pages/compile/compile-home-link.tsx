import { Card, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from '../report/links';
import { useMyRoles } from '../review/review-data';
import { reportersOf } from './compile-logic';

/** Beranda's way to the compile page, only for someone who coordinates a reporter (COORDINATOR). */
export function CompileHomeLink() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  if (!roles.data || reportersOf(roles.data).length === 0) return null;
  return (
    <Card withBorder data-testid="compile-home-link">
      <AnchorLink to="/compile">
        {t('compile.homeLink')}
      </AnchorLink>
      <Text size="sm">{t('compile.intro')}</Text>
    </Card>
  );
}
