import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Programme } from '@peduli/domain';
import { FrameworkVersionRecord } from './framework-version.entity';

/**
 * One year of a programme (a KKP HAM award year, or a RANHAM year with its periods). A cycle pins the framework
 * version its submissions are scored against; switching the version rescores them (a recalculation run).
 */
@Entity({ name: 'reporting_cycle' })
@Index('reporting_cycle_programme_year_uq', ['programme', 'year'], { unique: true })
export class ReportingCycle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  programme: Programme;

  /** The award year (KKP HAM) or the reporting year (RANHAM): the year in the submissions' period keys. */
  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersion?: FrameworkVersionRecord;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
