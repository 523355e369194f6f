import { Box, Button, Table, Text } from '@mantine/core';
import { DotLabel } from '../dashboard/dot-label';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { READABLE_CAPTION } from '../review/readable';
import { REMINDER_STATUS_COLOUR, canResend, reminderMoment, type Reminder } from './reminders-model';

/** One page of the ledger: who, which reminder, its status in words, when, how often sent again, and what happened. */
export function LedgerTable({ reminders, onResend }: { reminders: readonly Reminder[]; onResend(reminder: Reminder): void }) {
  const { t, language } = useLanguage();
  return (
    <Box role="region" aria-label={t('reminders.caption')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped miw={880} data-testid="ledger-table">
        <Table.Caption style={READABLE_CAPTION}>{t('reminders.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reminders.colRecipient')}</Table.Th>
            <Table.Th scope="col">{t('reminders.colKind')}</Table.Th>
            <Table.Th scope="col">{t('reminders.colStatus')}</Table.Th>
            <Table.Th scope="col">{t('reminders.colWhen')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reminders.colResends')}
            </Table.Th>
            <Table.Th scope="col">{t('reminders.colNote')}</Table.Th>
            <Table.Th scope="col">{t('reminders.colAction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reminders.map((reminder) => {
            const moment = reminderMoment(reminder, language);
            const note = reminder.lastError ?? (reminder.skipReason ? t('reminders.skipped', { reason: reminder.skipReason }) : null);
            return (
              <Table.Tr key={reminder.id} data-testid="ledger-row">
                <Table.Th scope="row" fw={400}>
                  {reminder.recipientEmail}
                </Table.Th>
                <Table.Td>
                  {t(`reminders.kind.${reminder.kind}` as MessageKey)} ({reminder.slot})
                </Table.Td>
                <Table.Td>
                  <DotLabel colour={REMINDER_STATUS_COLOUR[reminder.status]}>{t(`reminders.status.${reminder.status}` as MessageKey)}</DotLabel>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(moment.sent ? 'reminders.sentAt' : 'reminders.dueAt', { when: moment.text })}</Text>
                </Table.Td>
                <Table.Td ta="right">{reminder.generation}</Table.Td>
                <Table.Td>
                  <Text size="sm">{note ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {canResend(reminder) && (
                    <Button size="xs" variant="default" onClick={() => onResend(reminder)} aria-label={t('reminders.resendFor', { email: reminder.recipientEmail, slot: reminder.slot })}>
                      {t('reminders.resend')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
