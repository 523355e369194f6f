import { Injectable } from '@nestjs/common';
import { EvidenceDocument, Submission } from '@peduli/db';
import { DocumentStatus } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Every statement on evidence documents and blobs that the evidence service makes; the limits it enforces stay there. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findDocument(id: string): Promise<EvidenceDocument | null> {
    return this.dataSource.getRepository(EvidenceDocument).findOne({ where: { id } });
  }

  findDocumentOf(submissionId: string, id: string): Promise<EvidenceDocument | null> {
    return this.dataSource.getRepository(EvidenceDocument).findOne({ where: { id, submissionId } });
  }

  /** Locks the submission row for the rest of the transaction, so a submit waits. */
  lockSubmission(manager: EntityManager, id: string): Promise<Submission> {
    return manager.getRepository(Submission).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serialises quota decisions of one owner across its submissions, until the transaction ends. */
  async lockOwnerStorage(manager: EntityManager, ownerKey: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('evidence_storage:' || $1))`, [ownerKey]);
  }

  async countOwnDocuments(manager: EntityManager, submissionId: string, ownerKey: string): Promise<number> {
    const [{ used }]: { used: number }[] = await manager.query(
      `SELECT count(*)::int AS used FROM evidence_document WHERE submission_id = $1 AND owner_key = $2`,
      [submissionId, ownerKey],
    );
    return used;
  }

  /** Bytes the owner stores, each distinct blob once. */
  async storedBytes(manager: EntityManager, ownerKey: string): Promise<number> {
    const [{ total }]: { total: string }[] = await manager.query(
      `SELECT COALESCE(sum(size_bytes), 0)::text AS total FROM evidence_blob WHERE owner_key = $1`,
      [ownerKey],
    );
    return Number(total);
  }

  /** The owner's blob for these bytes: an existing one, or this one registered. */
  async shareBlob(manager: EntityManager, ownerKey: string, blob: { key: string; sha256: string; sizeBytes: number }) {
    const inserted: { storage_key: string }[] = await manager.query(
      `INSERT INTO evidence_blob (owner_key, sha256, storage_key, size_bytes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (owner_key, sha256) DO NOTHING RETURNING storage_key`,
      [ownerKey, blob.sha256, blob.key, blob.sizeBytes],
    );
    if (inserted.length > 0) return { storageKey: blob.key, deduplicated: false };
    const [existing] = await manager.query(`SELECT storage_key FROM evidence_blob WHERE owner_key = $1 AND sha256 = $2`, [ownerKey, blob.sha256]);
    return { storageKey: existing.storage_key as string, deduplicated: true };
  }

  /** The stored blobs a submission's documents point at. */
  async storageKeysOf(manager: EntityManager, submissionId: string): Promise<string[]> {
    const documents = await manager.getRepository(EvidenceDocument).find({ where: { submissionId }, select: { storageKey: true } });
    return documents.map((document) => document.storageKey);
  }

  /**
   * Forgets the owner's blob once no document (of any submission) points at it, so the unit's quota gets the bytes
   * back; true when the caller should delete the stored file. Call under lockOwnerStorage.
   */
  async releaseBlobIfUnused(manager: EntityManager, ownerKey: string, storageKey: string): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count] rather than the returned rows.
    const [{ released }]: { released: number }[] = await manager.query(
      `WITH gone AS (
         DELETE FROM evidence_blob WHERE owner_key = $1 AND storage_key = $2
            AND NOT EXISTS (SELECT 1 FROM evidence_document WHERE storage_key = $2) RETURNING 1)
       SELECT count(*)::int AS released FROM gone`,
      [ownerKey, storageKey],
    );
    return released > 0;
  }

  acceptedDocumentsOf(manager: EntityManager, submissionId: string): Promise<EvidenceDocument[]> {
    return manager.getRepository(EvidenceDocument).find({ where: { submissionId, status: DocumentStatus.ACCEPTED } });
  }

  insertDocument(manager: EntityManager, document: Partial<EvidenceDocument>): Promise<EvidenceDocument> {
    return manager.getRepository(EvidenceDocument).save(document);
  }
}
