import { Anchor, AppShell, Button, Group, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useSyncExternalStore } from 'react';
import { isSignedIn, onSessionChange, signOut } from '../auth/session';
import { useLanguage } from '../i18n/language';
import type { Language } from '../i18n/messages';
import { ReviewNavLink } from '../pages/review/review-nav-link';

/** The frame of every page: the name, the language switch, sign-out when signed in, and the page in <main>. */
export function Layout() {
  const { t, language, setLanguage } = useLanguage();
  const signedIn = useSyncExternalStore(onSessionChange, isSignedIn);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const leave = async () => {
    await signOut();
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
            {t('app.name')}
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            {signedIn && <ReviewNavLink />}
            {!signedIn && (
              <Anchor component={Link} to="/results" size="sm">
                {t('public.nav')}
              </Anchor>
            )}
            <div role="group" aria-labelledby="language-label">
              <VisuallyHidden id="language-label">{t('language.label')}</VisuallyHidden>
              <SegmentedControl
                size="xs"
                value={language}
                onChange={(value) => setLanguage(value as Language)}
                data={[
                  { value: 'id', label: <span lang="id">ID</span> },
                  { value: 'en', label: <span lang="en">EN</span> },
                ]}
                aria-label={t('language.label')}
              />
            </div>
            {signedIn && (
              <Button size="xs" variant="outline" onClick={leave}>
                {t('signOut')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
        <Text size="xs" mt="xl">
          {t('app.tagline')}
        </Text>
      </AppShell.Main>
    </AppShell>
  );
}
