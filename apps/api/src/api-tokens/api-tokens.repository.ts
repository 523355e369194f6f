import { Injectable } from '@nestjs/common';
import { ApiToken, Organisation } from '@peduli/db';
import { DataSource, EntityManager, IsNull } from 'typeorm';

/** Every query of api_token: the only module that writes it. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'DESC' } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ApiToken | null> {
    return manager.getRepository(ApiToken).findOne({ where: { id } });
  }

  /** A token that has not been revoked, by the hash of what its holder sends. */
  findUsable(tokenHash: string): Promise<ApiToken | null> {
    return this.dataSource.getRepository(ApiToken).findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  organisationExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(Organisation).exists({ where: { id } });
  }

  insert(
    manager: EntityManager,
    token: Pick<ApiToken, 'name' | 'tokenHash' | 'tokenPrefix' | 'role' | 'provinceCode' | 'regionCode' | 'organisationId' | 'createdBy'>,
  ): Promise<ApiToken> {
    return manager.getRepository(ApiToken).save(token);
  }

  /** Revoking twice keeps the first revocation's time. */
  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE api_token SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1`, [id]);
  }

  /**
   * last_used_at is informational: written at most once a minute per token. The caller decides from the row it already
   * read; the condition is repeated here for concurrent requests.
   */
  async touchLastUsed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
