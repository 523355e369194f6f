import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The stored bytes of an organisation's evidence, once per content: uploading the same file again (for another
 * indicator, period or programme) points at this blob instead of storing a copy. Unique per owner and hash.
 */
@Entity({ name: 'evidence_blob' })
@Index('evidence_blob_owner_sha256_uq', ['ownerKey', 'sha256'], { unique: true })
export class EvidenceBlob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_key', type: 'varchar', length: 64 })
  ownerKey: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
