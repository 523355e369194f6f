import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';
import { ReportingPeriod } from './reporting-period.entity';

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

/** A coordinator's earlier deadline for the units of its regency/city; their reminders count down to it. */
@Entity({ name: 'internal_deadline' })
export class InternalDeadline {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode: string;

  @Column({ name: 'deadline_date', type: 'date' })
  deadlineDate: string;

  @Column({ name: 'deadline_time', type: 'varchar', length: 5, nullable: true })
  deadlineTime: string | null;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
