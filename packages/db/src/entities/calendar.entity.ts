import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';
import { ReportingPeriod } from './reporting-period.entity';
import { Organisation } from './organisation.entity';

/**
 * A dated step of a KKP HAM cycle other than the regency/city input close (which is the TAHUNAN period's deadline):
 * Kanwil verification close, central review close, decree, award. Each is editable per cycle.
 */
@Entity({ name: 'cycle_milestone' })
export class CycleMilestone {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'date' })
  date: string;

  /** HH:mm local; null means the end of the day. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  time: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A coordinator's earlier deadline for the units of its reporter (a regency/city, or a ministry or Biro Hukum named by
 * its organisation); their reminders count down to it.
 */
@Entity({ name: 'internal_deadline' })
@Index('internal_deadline_period_region_uq', ['periodId', 'regionCode'], { unique: true, where: '"region_code" IS NOT NULL' })
@Index('internal_deadline_period_reporter_uq', ['periodId', 'reporterOrganisationId'], { unique: true, where: '"reporter_organisation_id" IS NOT NULL' })
@Check('internal_deadline_one_reporter_chk', `("region_code" IS NULL) <> ("reporter_organisation_id" IS NULL)`)
export class InternalDeadline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  /** Null for a ministry or a province reporter. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  /** The ministry or the Biro Hukum whose units the deadline binds; null for a regency/city. */
  @Column({ name: 'reporter_organisation_id', type: 'uuid', nullable: true })
  reporterOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_organisation_id', foreignKeyConstraintName: 'internal_deadline_reporter_fk' })
  reporterOrganisation?: Organisation;

  @Column({ name: 'deadline_date', type: 'date' })
  deadlineDate: string;

  @Column({ name: 'deadline_time', type: 'varchar', length: 5, nullable: true })
  deadlineTime: string | null;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
