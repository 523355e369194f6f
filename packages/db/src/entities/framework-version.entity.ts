import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FrameworkContent, FrameworkStatus, Programme } from '@peduli/domain';

/**
 * One version of a framework (e.g. KKP HAM after Permenkumham 22/2021, version 3). A DRAFT may be edited; once
 * PUBLISHED it never changes again (a new version starts as a copy); RETIRED versions stay for the history.
 */
@Entity({ name: 'framework_version' })
@Index('framework_version_code_version_uq', ['frameworkCode', 'version'], { unique: true })
export class FrameworkVersionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  programme: Programme;

  @Column({ name: 'framework_code', type: 'varchar', length: 64 })
  frameworkCode: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: FrameworkStatus;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  /** Stored as one JSON document whose shape follows the programme; validated by the domain package. */
  @Column({ type: 'jsonb' })
  content: FrameworkContent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
