import { ClaimedReminder, recordDelivery, ReminderLedger, reminderMessageId } from '@peduli/db';
import { isPermanentSmtpFailure, MailTransport, MissingTemplateVariableError } from '@peduli/mail';
import { composeReminder, loadFacts, SweepFacts } from './reminder-content';

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
    // let the last rows' leases run out while they waited, and another sweep took them over and sent them again. So
    // no more rows are leased than there are free lanes, and each is started as soon as it is leased. Lanes are
    // refilled once half of them are free, not after the slowest lane of a round (rounds left the lanes idle through
    // every round's tail, lease and facts queries), nor for each lane alone (a lease and its facts queries per mail).
    const lanes = Math.max(1, Math.min(this.settings.batchSize, this.settings.concurrency));
    const refillAt = Math.ceil(lanes / 2);
    const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
    const inFlight = new Set<Promise<void>>();
    let failed: { error: unknown } | null = null;
    let laneFreed: (() => void) | null = null;
    const sweep = new SweepFacts();
    try {
      for (let round = 0; round < maxRounds && !failed; ) {
        if (inFlight.size > 0 && lanes - inFlight.size < refillAt) {
          await new Promise<void>((resolve) => (laneFreed = resolve));
          continue;
        }
        const now = clock();
        const batch = await this.ledger.claimDue(now, lanes - inFlight.size, this.settings.leaseSeconds, options.periodId);
        round++;
        if (batch.length === 0) break;
        const facts = await loadFacts(this.dataSource, batch, now, sweep);
        for (const reminder of batch) {
          const work: Promise<void> = this.sendOne(reminder, facts, now)
            .then(
              (outcome) => {
                tally[outcome.result]++;
                if (outcome.retryAt && (!tally.nextRetryAt || outcome.retryAt < tally.nextRetryAt)) tally.nextRetryAt = outcome.retryAt;
              },
              (error: unknown) => {
                failed ??= { error };
              },
            )
            .finally(() => {
              inFlight.delete(work);
              laneFreed?.();
              laneFreed = null;
            });
          inFlight.add(work);
        }
      }
    } finally {
      // Every leased row's outcome is recorded before the sweep returns, also when a lease or a facts query failed.
      await Promise.all(inFlight);
    }
    if (failed) throw (failed as { error: unknown }).error;
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
