import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { createLazyRoute } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { useCycleChoice } from '../dashboard/cycle-choice';
import { useMyRoles } from '../review/review-data';
import { LedgerTable } from './ledger-table';
import { useLedger } from './reminders-data';
import {
  NO_LEDGER_FILTERS,
  REMINDER_KINDS,
  REMINDER_STATUSES,
  followsReminders,
  pageCount,
  stillFollowing,
  type FollowedResend,
  type LedgerFilters,
  type Reminder,
  type ReminderKind,
  type ReminderStatus,
} from './reminders-model';
import { ResendForm } from './resend-form';

const ANY = '';

/** Pengingat: a period's reminder ledger (planned, sent, skipped, failed) by status and kind, and a resend with a reason. */
function RemindersPage() {
  const { t } = useLanguage();
  const roles = useMyRoles();
  const { cycles, cycle, periods, period, pickers } = useCycleChoice('reminders');
  const [filters, setFilters] = useState<LedgerFilters>(NO_LEDGER_FILTERS);
  const [page, setPage] = useState(0);
  const [resending, setResending] = useState<Reminder | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const [followed, setFollowed] = useState<FollowedResend | null>(null);
  const ledger = useLedger(cycle?.id, period?.code, filters, page, followed !== null);
  // Once the ledger shows the followed resend finished (or after the cap), the page stops asking again for it.
  useEffect(() => {
    if (followed && ledger.data && !stillFollowing(followed, ledger.data.items, Date.now())) setFollowed(null);
  }, [followed, ledger.data]);
  const filter = (next: Partial<LedgerFilters>) => {
    setFilters({ ...filters, ...next });
    setPage(0);
  };

  if (roles.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  if (roles.data && !followsReminders(roles.data)) return <Alert color="gray">{t('reminders.notAllowed')}</Alert>;
  const pages = pageCount(ledger.data?.total ?? 0);
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t('reminders.title')}</Title>
      <Text>{t('reminders.intro')}</Text>
      {pickers}

      {cycles.isError || periods.isError || ledger.isError ? (
        <Alert color="red">{t('home.loadFailed')}</Alert>
      ) : cycles.data?.length === 0 ? (
        <Text>{t('dashboard.noCycles')}</Text>
      ) : periods.data?.length === 0 ? (
        <Text>{t('dashboard.noPeriods')}</Text>
      ) : !ledger.data ? (
        <Loader size="sm" role="status" aria-label={t('home.loading')} />
      ) : (
        <>
          <section aria-labelledby="ledger-totals">
            <Title order={2} size="h4" id="ledger-totals" mb="xs">
              {t('reminders.totals', { period: ledger.data.periodKey })}
            </Title>
            <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ledger-totals">
              {REMINDER_STATUSES.map((status) => (
                <li key={status}>
                  <Text size="sm">
                    {t(`reminders.status.${status}` as MessageKey)}: {ledger.data.totals[status] ?? 0}
                  </Text>
                </li>
              ))}
            </Group>
          </section>

          <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('reminders.filters')}>
            <NativeSelect
              id="reminders-status"
              label={t('reminders.filterStatus')}
              data={[{ value: ANY, label: t('reminders.any') }, ...REMINDER_STATUSES.map((status) => ({ value: status, label: t(`reminders.status.${status}` as MessageKey) }))]}
              value={filters.status ?? ANY}
              onChange={(event) => filter({ status: (event.currentTarget.value || null) as ReminderStatus | null })}
            />
            <NativeSelect
              id="reminders-kind"
              label={t('reminders.filterKind')}
              data={[{ value: ANY, label: t('reminders.any') }, ...REMINDER_KINDS.map((kind) => ({ value: kind, label: t(`reminders.kind.${kind}` as MessageKey) }))]}
              value={filters.kind ?? ANY}
              onChange={(event) => filter({ kind: (event.currentTarget.value || null) as ReminderKind | null })}
            />
          </Group>

          {resent && (
            <Alert color="green" role="status" data-testid="resent">
              {t('reminders.resent', { email: resent })}
            </Alert>
          )}
          {resending && (
            <ResendForm
              key={resending.id}
              reminder={resending}
              onCancel={() => setResending(null)}
              onDone={(planned) => {
                setResent(resending.recipientEmail);
                setFollowed({ id: planned.id, generation: planned.generation, since: Date.now() });
                setResending(null);
              }}
            />
          )}

          <Text data-testid="ledger-count">{t('reminders.count', { n: ledger.data.total })}</Text>
          {ledger.data.items.length > 0 && (
            <LedgerTable
              reminders={ledger.data.items}
              onResend={(reminder) => {
                setResent(null);
                setResending(reminder);
              }}
            />
          )}
          {pages > 1 && (
            <Group gap="sm" component="nav" aria-label={t('reminders.pages')}>
              <Button variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('reminders.previous')}
              </Button>
              <Text size="sm">{t('reminders.pageOf', { page: page + 1, pages })}</Text>
              <Button variant="default" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('reminders.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/reminders')({ component: RemindersPage });
