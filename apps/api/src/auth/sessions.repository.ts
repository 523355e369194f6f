import { Injectable } from '@nestjs/common';
import { RefreshToken } from '@peduli/db';
import { DataSource, EntityManager } from 'typeorm';

/** Every query of refresh_token (a session is a family of single-use refresh tokens): the only module that writes it. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash } });
  }

  async insert(manager: EntityManager, token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await manager.insert(RefreshToken, token);
  }

  /** Conditional: of two concurrent uses of one token, only one can mark it used. False when it was already used. */
  async markUsed(manager: EntityManager, id: string): Promise<boolean> {
    const [, marked] = await manager.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [id]);
    return marked !== 0;
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** The live session family a refresh token of this account belongs to, if any. */
  async liveFamilyOf(manager: EntityManager, tokenHash: string, userId: string): Promise<string | null> {
    const [kept]: { family_id: string }[] = await manager.query(
      `SELECT family_id FROM refresh_token WHERE token_hash = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [tokenHash, userId],
    );
    return kept?.family_id ?? null;
  }

  /** Ends every session of an account, except one family when given; returns how many tokens were revoked. */
  async revokeAllOf(manager: EntityManager, userId: string, exceptFamilyId: string | null = null): Promise<number> {
    if (exceptFamilyId === null) {
      const [, revoked]: [unknown, number] = await manager.query(
        `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      );
      return revoked;
    }
    const [, revoked]: [unknown, number] = await manager.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`,
      [userId, exceptFamilyId],
    );
    return revoked;
  }
}
