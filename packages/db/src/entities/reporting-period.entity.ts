import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';

/**
 * One reporting period of a cycle (B04, B08, B12, or TAHUNAN for KKP HAM) and its deadline. The deadline is a local
 * date (and optional time): each unit's deadline is that moment in its own zone, so it is stored as written and turned
 * into an instant per unit (see `deadlineInstant` in the domain package).
 */
@Entity({ name: 'reporting_period' })
@Index('reporting_period_cycle_code_uq', ['cycleId', 'code'], { unique: true })
export class ReportingPeriod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ name: 'opens_on', type: 'date', nullable: true })
  opensOn: string | null;

  @Column({ name: 'deadline_date', type: 'date' })
  deadlineDate: string;

  /** HH:mm local; null means the end of the day. */
  @Column({ name: 'deadline_time', type: 'varchar', length: 5, nullable: true })
  deadlineTime: string | null;

  /**
   * One IANA zone for everyone (e.g. a ministry's "16.00 WIB"); null, the usual case, means each unit's own zone.
   */
  @Column({ name: 'time_zone', type: 'varchar', length: 40, nullable: true })
  timeZone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** More time for one regency/city (or one of its units), granted with a reason by an admin or the Kanwil. */
@Entity({ name: 'deadline_extension' })
@Index('deadline_extension_period_region_idx', ['periodId', 'regionCode'])
export class DeadlineExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode: string;

  /** Null: the whole regency/city and all its units. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'timestamptz' })
  until: Date;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
