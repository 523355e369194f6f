import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccountTokenPurpose } from './entities/account-token.entity';

export const ACCOUNT_TOKEN_PREFIX = 'pac_';

/** Account tokens are long and random, so SHA-256 is enough to store them (as for refresh and API tokens). */
export function accountTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface MintedAccountToken {
  token: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  email: string;
  displayName: string;
  locale: string;
}

/**
 * Makes the secret of a token row that is still usable and stores its hash, replacing any earlier one: the mailer
 * calls this just before sending, so the secret exists only in the mail. Null when the row is used, revoked, expired
 * or gone, and there is nothing to send.
 */
export async function mintAccountToken(dataSource: DataSource, tokenId: string): Promise<MintedAccountToken | null> {
  const token = `${ACCOUNT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [rows]: [{ purpose: AccountTokenPurpose; expires_at: Date; email: string; display_name: string; locale: string }[], number] =
    await dataSource.query(
      `UPDATE account_token t SET token_hash = $2
         FROM user_account u
        WHERE t.id = $1 AND u.id = t.user_id AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
        RETURNING t.purpose, t.expires_at, u.email, u.display_name, u.locale`,
      [tokenId, accountTokenHash(token)],
    );
  const row = rows[0];
  if (!row) return null;
  return { token, purpose: row.purpose, expiresAt: new Date(row.expires_at), email: row.email, displayName: row.display_name, locale: row.locale };
}
