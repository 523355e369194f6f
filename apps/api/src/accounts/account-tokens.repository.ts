import { Injectable } from '@nestjs/common';
import { AccountTokenPurpose } from '@peduli/db';
import { EntityManager } from 'typeorm';

/** Every query of account_token (the single-use links mailed for invitations and password resets). */
@Injectable()
export class AccountTokensRepository {
  /** Earlier unused tokens of the purpose stop working, so only the newest link does. */
  async revokeUnused(manager: EntityManager, userId: string, purpose?: AccountTokenPurpose): Promise<void> {
    if (purpose === undefined) {
      await manager.query(`UPDATE account_token SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [userId]);
      return;
    }
    await manager.query(
      `UPDATE account_token SET revoked_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, purpose],
    );
  }

  async insert(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, lifetimeMinutes: number): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO account_token (user_id, purpose, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
      [userId, purpose, lifetimeMinutes],
    );
    return row.id;
  }

  async countRecent(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, withinMinutes: number): Promise<number> {
    const [{ recent }]: { recent: number }[] = await manager.query(
      `SELECT count(*)::int AS recent FROM account_token
        WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(mins => $3)`,
      [userId, purpose, withinMinutes],
    );
    return recent;
  }

  /** Marks a usable token used, once: of two concurrent uses only one succeeds. Null when it cannot be used. */
  async consume(manager: EntityManager, hash: string, purpose: AccountTokenPurpose): Promise<string | null> {
    const [rows]: [{ user_id: string }[], number] = await manager.query(
      `UPDATE account_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [hash, purpose],
    );
    return rows[0]?.user_id ?? null;
  }
}
