import type { DataSource } from 'typeorm';
import { EmailStatus } from './entities/email-notification.entity';

export interface EmailKey {
  kind: string;
  dedupeKey: string;
  recipient: string;
}

/**
 * The email ledger: one row per (kind, subject, recipient). A sender leases a row (status SENDING until a deadline)
 * before talking to SMTP, so two workers never send the same mail at once, and a crashed sender's row becomes
 * available again only after its lease runs out.
 */
export class EmailLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leaseSeconds = 120,
  ) {}

  /** Creates the row if needed and leases it; null when it is already sent, failed for good, or leased by another. */
  async lease(key: EmailKey): Promise<{ id: string; attempts: number } | null> {
    await this.dataSource.query(
      `INSERT INTO email_notification (kind, dedupe_key, recipient) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT email_notification_dedupe_uq DO NOTHING`,
      [key.kind, key.dedupeKey, key.recipient],
    );
    // For UPDATE the postgres driver answers [returned rows, affected count].
    const [rows]: [{ id: string; attempts: number }[], number] = await this.dataSource.query(
      `UPDATE email_notification
          SET status = $4, leased_until = now() + make_interval(secs => $5), attempts = attempts + 1, updated_at = now()
        WHERE kind = $1 AND dedupe_key = $2 AND recipient = $3
          AND (status = $6 OR (status = $4 AND leased_until < now()))
        RETURNING id, attempts`,
      [key.kind, key.dedupeKey, key.recipient, EmailStatus.SENDING, this.leaseSeconds, EmailStatus.PENDING],
    );
    return rows[0] ?? null;
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
