import { EmailLedger, recordDelivery } from '@peduli/db';
import { isPermanentSmtpFailure, MailTransport } from '@peduli/mail';
import type { NotifyOutcome } from './notify-submission';

type LedgerMail = Parameters<MailTransport['send']>[0] & { messageId: string };

/**
 * Sends one leased ledger row's mail and records the outcome: a permanent refusal ends the row as failed, a transient
 * one gives the lease back and throws so the job retries, and an accepted mail is marked sent within half the lease,
 * before another sender may take the row over.
 */
export async function sendLeasedMail(ledger: EmailLedger, transport: MailTransport, leaseId: string, mail: LedgerMail): Promise<NotifyOutcome> {
  try {
    await transport.send(mail);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isPermanentSmtpFailure(error)) {
      await ledger.markFailed(leaseId, reason);
      return { outcome: 'failed', reason };
    }
    await ledger.release(leaseId, reason);
    throw error;
  }
  await recordDelivery(() => ledger.markSent(leaseId, mail.messageId), (ledger.leaseSeconds * 1000) / 2);
  return { outcome: 'sent', messageId: mail.messageId };
}
