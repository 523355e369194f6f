import type { DataSource } from 'typeorm';
import { EmailStatus } from './entities/email-notification.entity';

export interface EmailKey {
  kind: string;
  dedupeKey: string;
  recipient: string;
}

/** A lease taken, or why not: `heldUntil` is when another sender's lease runs out, null when the mail is done with. */
export type EmailLease = { leased: true; id: string; attempts: number } | { leased: false; heldUntil: Date | null };

/**
 * The email ledger: one row per (kind, subject, recipient). A sender leases a row (status SENDING until a deadline)
 * before talking to SMTP, so two workers never send the same mail at once, and a crashed sender's row becomes
 * available again only after its lease runs out.
 */
export class EmailLedger {
  constructor(
    private readonly dataSource: DataSource,
    readonly leaseSeconds = 120,
  ) {}

  /**
   * Creates the row if needed and leases it. When it cannot be leased, says why: it is done (sent, or failed for good),
   * or another sender holds it until `heldUntil`. That sender may have died mid-send, so whoever wanted to send it
   * should try again then rather than drop it.
   */
  async lease(key: EmailKey): Promise<EmailLease> {
    await this.dataSource.query(
      `INSERT INTO email_notification (kind, dedupe_key, recipient) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT email_notification_dedupe_uq DO NOTHING`,
      [key.kind, key.dedupeKey, key.recipient],
    );
    // One statement: the lease if it was taken, otherwise the row as it stood (a CTE's outer query sees the snapshot
    // from before its UPDATE, which did not touch the row in that case).
    const [row]: { id: string; attempts: number | null; status: EmailStatus; leased_until: Date | null }[] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE email_notification
            SET status = $4, leased_until = now() + make_interval(secs => $5), attempts = attempts + 1, updated_at = now()
          WHERE kind = $1 AND dedupe_key = $2 AND recipient = $3
            AND (status = $6 OR (status = $4 AND leased_until < now()))
          RETURNING id, attempts, status, leased_until)
       SELECT id, attempts, status, leased_until FROM taken
       UNION ALL
       SELECT id, NULL, status, leased_until FROM email_notification
        WHERE kind = $1 AND dedupe_key = $2 AND recipient = $3 AND NOT EXISTS (SELECT 1 FROM taken)`,
      [key.kind, key.dedupeKey, key.recipient, EmailStatus.SENDING, this.leaseSeconds, EmailStatus.PENDING],
    );
    if (row.attempts !== null) return { leased: true, id: row.id, attempts: row.attempts };
    if (row.status === EmailStatus.SENDING) return { leased: false, heldUntil: row.leased_until };
    // Still PENDING as this statement saw it: a concurrent sender took it in the meantime. Ask again in a moment.
    if (row.status === EmailStatus.PENDING) return { leased: false, heldUntil: new Date(Date.now() + 1000) };
    return { leased: false, heldUntil: null };
  }

  async markSent(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_notification SET status = $2, message_id = $3, sent_at = now(), leased_until = NULL, updated_at = now()
        WHERE id = $1`,
      [id, EmailStatus.SENT, messageId],
    );
  }

  /** A transient failure gives the row back so the retried job can lease it again. */
  release(id: string, error: string): Promise<void> {
    return this.endLease(id, EmailStatus.PENDING, error);
  }

  /** A permanent failure (the SMTP server refused for good): recorded with its reply, never retried. */
  markFailed(id: string, error: string): Promise<void> {
    return this.endLease(id, EmailStatus.FAILED, error);
  }

  private async endLease(id: string, status: EmailStatus, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_notification SET status = $2, leased_until = NULL, last_error = $3, updated_at = now() WHERE id = $1`,
      [id, status, error.slice(0, 2000)],
    );
  }
}
