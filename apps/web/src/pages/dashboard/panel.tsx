import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLanguage } from '../../i18n/language';

/** One dashboard panel: a titled section that shows its loading, failure or emptiness in words, else its content. */
export function Panel({
  id,
  title,
  intro,
  state,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  state: 'loading' | 'failed' | 'empty' | { empty: string } | 'ready';
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} data-testid={`panel-${id}`}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
        {state === 'loading' ? (
          <Loader size="sm" role="status" aria-label={t('home.loading')} />
        ) : state === 'failed' ? (
          <Alert color="red">{t('home.loadFailed')}</Alert>
        ) : state === 'empty' ? (
          <Text>{t('dashboard.empty')}</Text>
        ) : typeof state === 'object' ? (
          <Text>{state.empty}</Text>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
