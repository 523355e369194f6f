import { AccountTokenPurpose, EmailLedger, mintAccountToken } from '@peduli/db';
import type { Locale } from '@peduli/domain';
import { MailTransport, renderBilingualMail } from '@peduli/mail';
import { JobPayloads, JobName, RetryLaterError } from '@peduli/queue';
import type { ReminderWorkerConfig } from '@peduli/config';
import type { WorkerContext } from '@peduli/worker-kit';
import { sendLeasedMail } from './ledger-send';
import type { NotifyOutcome } from './notify-submission';

const TEMPLATE = { [AccountTokenPurpose.INVITATION]: 'account-invitation', [AccountTokenPurpose.PASSWORD_RESET]: 'password-reset' } as const;
/** Where the web app takes the token; in the fragment, which browsers never send to a server or put in its logs. */
const PAGE = { [AccountTokenPurpose.INVITATION]: 'account/invitation', [AccountTokenPurpose.PASSWORD_RESET]: 'account/password-reset' } as const;

/**
 * Mails an invitation or a password reset through the email ledger. The token's secret is made here, just before the
 * mail is handed to SMTP, and only its hash is stored: the API and the outbox never hold it. A send that is tried again
 * after a transient failure makes a new secret (voiding the old one, which nobody received) and a new Message-ID, so
 * the new mail is not dropped as a repeat of the failed one.
 */
export function makeAccountMailer(context: WorkerContext<ReminderWorkerConfig>, transport: MailTransport, ledger: EmailLedger) {
  const { dataSource, config } = context;

  return async ({ tokenId }: JobPayloads[JobName.AccountMailRequested]): Promise<NotifyOutcome> => {
    const [row]: { email: string }[] = await dataSource.query(
      `SELECT u.email FROM account_token t JOIN user_account u ON u.id = t.user_id
        WHERE t.id = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()`,
      [tokenId],
    );
    if (!row) return { outcome: 'skipped', reason: 'the token was used, revoked or has expired' };
    const lease = await ledger.lease({ kind: 'account-token', dedupeKey: tokenId, recipient: row.email });
    if (!lease.leased) {
      if (!lease.heldUntil) return { outcome: 'skipped', reason: 'already sent, or refused for good' };
      throw new RetryLaterError(lease.heldUntil, `the mail is being sent by another sender until ${lease.heldUntil.toISOString()}`);
    }
    const minted = await mintAccountToken(dataSource, tokenId);
    if (!minted) {
      await ledger.markFailed(lease.id, 'the token was used, revoked or expired before it could be sent');
      return { outcome: 'skipped', reason: 'the token was used, revoked or has expired' };
    }
    const locale: Locale = minted.locale === 'en' ? 'en' : 'id';
    const link = `${config.APP_URL.replace(/\/$/, '')}/${PAGE[minted.purpose]}#token=${minted.token}`;
    const mail = renderBilingualMail(TEMPLATE[minted.purpose], locale, {
      recipientName: minted.displayName,
      email: minted.email,
      link,
      expiresAt: `${minted.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      minutes: Math.max(1, Math.round((minted.expiresAt.getTime() - Date.now()) / 60_000)),
    });
    const messageId = `<account.${lease.id}.${lease.attempts}@peduli>`;
    return sendLeasedMail(ledger, transport, lease.id, { to: minted.email, messageId, ...mail });
  };
}
