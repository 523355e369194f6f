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

  /**
   * The year the data describe: for KKP HAM the year before the award year (a 2023 award assesses 2022), for RANHAM
   * the reporting year itself. The Aksi HAM bonus and the pembina condition read the RANHAM results of this year.
   */
  @Column({ name: 'data_year', type: 'integer' })
  dataYear: number;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  /** The minister's decree that makes the cycle's results final, e.g. "M.HH-03.HA.02.01.01/2023"; null until issued. */
  @Column({ name: 'decree_number', type: 'varchar', length: 120, nullable: true })
  decreeNumber: string | null;

  /** The decree's date (a calendar date, no time). Set together with the number. */
  @Column({ name: 'decree_date', type: 'date', nullable: true })
  decreeDate: string | null;

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
