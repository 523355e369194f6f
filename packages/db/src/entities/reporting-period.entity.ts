import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';
import { Organisation } from './organisation.entity';

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

/**
 * More time for one reporter (or one of its units), granted with a reason: a regency/city or a province by an admin
 * or the Kanwil, a ministry by the centre. A reporter without a regency/city is named by its organisation.
 */
@Entity({ name: 'deadline_extension' })
@Index('deadline_extension_period_region_idx', ['periodId', 'regionCode'])
@Index('deadline_extension_period_reporter_idx', ['periodId', 'reporterOrganisationId'])
@Check('deadline_extension_one_reporter_chk', `("region_code" IS NULL) <> ("reporter_organisation_id" IS NULL)`)
export class DeadlineExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  /** Null for a ministry or a province reporter, named by `reporterOrganisationId` instead. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  /** The ministry or the Biro Hukum whose report (and units) the extension is for; null for a regency/city. */
  @Column({ name: 'reporter_organisation_id', type: 'uuid', nullable: true })
  reporterOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_organisation_id', foreignKeyConstraintName: 'deadline_extension_reporter_fk' })
  reporterOrganisation?: Organisation;

  /** Null: the whole reporter and all its units. */
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
