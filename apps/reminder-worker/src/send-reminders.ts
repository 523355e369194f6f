import { ClaimedReminder, recordDelivery, ReminderLedger, reminderMessageId } from '@peduli/db';
import { isPermanentSmtpFailure, MailTransport, MissingTemplateVariableError } from '@peduli/mail';
import { composeReminder, loadFacts } from './reminder-content';

export interface SenderSettings {
  appUrl: string;
  /** How long a leased row belongs to this sender; longer than an SMTP exchange can take (socket timeout). */
  leaseSeconds: number;
  /**
   * Most rows leased per round. A round leases no more rows than it sends at once (`concurrency`), so no leased row
   * waits for a lane while its lease runs out.
   */
  batchSize: number;
  concurrency: number;
  /** Transient failures are retried after retryBaseMs × 2^(attempt-1), at most retryMaxMs, up to maxAttempts. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
}

export interface SendTally {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
  /** The earliest retry planned this run, for a timer. */
  nextRetryAt: Date | null;
}

/** "user@host.tld", no spaces: what an SMTP envelope accepts at all. Anything else fails for that recipient only. */
const PLAUSIBLE_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * Errors nodemailer raises itself, without a server reply, for a message no server could take (e.g. a malformed
 * envelope). With a reply code (a 4xx refusal of every recipient is also EENVELOPE) the code decides.
 */
function isPermanentLocalFailure(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode !== 'number';
}

function describe(error: unknown): string {
  const response = (error as { response?: string } | null)?.response;
  return response ? String(response) : error instanceof Error ? error.message : String(error);
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * Sends the due reminders. Each row is leased (SENDING) before SMTP is contacted and marked SENT with its Message-ID
 * right after the server accepts it: a sender that dies mid-batch leaves its unsent rows to be leased again when the
 * lease runs out, and its sent rows are never sent again. The one gap is a death between the server's acceptance and
 * the ledger update; that mail is sent again with the same Message-ID, which receiving systems use to drop repeats.
 */
export class ReminderSender {
  constructor(
    private readonly dataSource: import('typeorm').DataSource,
    private readonly transport: MailTransport,
    private readonly settings: SenderSettings,
    private readonly ledger = new ReminderLedger(dataSource),
  ) {}

  async sendDue(options: { now?: () => Date; periodId?: string | null; maxRounds?: number } = {}): Promise<SendTally> {
    const clock = options.now ?? (() => new Date());
    const tally: SendTally = { sent: 0, skipped: 0, failed: 0, retrying: 0, nextRetryAt: null };
    // A lease covers one SMTP exchange, not a queue behind others: with 100 rows leased and 10 lanes, a slow server
    // let the last rows' leases run out while they waited, and another sweep took them over and sent them again.
    const perRound = Math.max(1, Math.min(this.settings.batchSize, this.settings.concurrency));
    for (let round = 0; round < (options.maxRounds ?? Number.POSITIVE_INFINITY); round++) {
      const now = clock();
      const batch = await this.ledger.claimDue(now, perRound, this.settings.leaseSeconds, options.periodId);
      if (batch.length === 0) break;
      const facts = await loadFacts(this.dataSource, batch, now);
      await inParallel(batch, this.settings.concurrency, async (reminder) => {
        const outcome = await this.sendOne(reminder, facts, now);
        tally[outcome.result]++;
        if (outcome.retryAt && (!tally.nextRetryAt || outcome.retryAt < tally.nextRetryAt)) tally.nextRetryAt = outcome.retryAt;
      });
    }
    return tally;
  }

  private async sendOne(
    reminder: ClaimedReminder,
    facts: Awaited<ReturnType<typeof loadFacts>>,
    now: Date,
  ): Promise<{ result: 'sent' | 'skipped' | 'failed' | 'retrying'; retryAt?: Date }> {
    if (now > reminder.expiresAt) {
      await this.ledger.markSkipped(reminder, 'TOO_LATE');
      return { result: 'skipped' };
    }
    if (!PLAUSIBLE_ADDRESS.test(reminder.recipientEmail)) {
      await this.ledger.markFailed(reminder, `INVALID_ADDRESS: "${reminder.recipientEmail}" is not an email address`);
      return { result: 'failed' };
    }
    let composition: ReturnType<typeof composeReminder>;
    try {
      composition = composeReminder(reminder, facts, this.settings.appUrl);
    } catch (error) {
      if (!(error instanceof MissingTemplateVariableError)) throw error;
      await this.ledger.markFailed(reminder, `TEMPLATE: ${error.message}`);
      return { result: 'failed' };
    }
    if ('skip' in composition) {
      await this.ledger.markSkipped(reminder, composition.skip);
      return { result: 'skipped' };
    }
    const messageId = reminderMessageId(reminder);
    let accepted: { response: string };
    try {
      accepted = await this.transport.send({ to: reminder.recipientEmail, messageId, ...composition.mail });
    } catch (error) {
      const reason = describe(error);
      if (isPermanentSmtpFailure(error) || isPermanentLocalFailure(error)) {
        await this.ledger.markFailed(reminder, reason);
        return { result: 'failed' };
      }
      if (reminder.attempts >= this.settings.maxAttempts) {
        await this.ledger.markFailed(reminder, `GAVE_UP after ${reminder.attempts} attempts: ${reason}`);
        return { result: 'failed' };
      }
      const wait = Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** (reminder.attempts - 1));
      const retryAt = new Date(now.getTime() + wait);
      await this.ledger.retryLater(reminder, reason, retryAt);
      return { result: 'retrying', retryAt };
    }
    // Within half the lease, so the reminder is recorded before another sender may take it over.
    await recordDelivery(() => this.ledger.markSent(reminder, messageId, accepted.response), (this.settings.leaseSeconds * 1000) / 2);
    return { result: 'sent' };
  }
}
