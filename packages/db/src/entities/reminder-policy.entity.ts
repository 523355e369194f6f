import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ReminderPolicy } from '@peduli/domain';
import { ReportingCycle } from './reporting-cycle.entity';

/** A cycle's reminder policy (offsets, local send time, overdue notice, escalation, digest, grace), as data. */
@Entity({ name: 'reminder_policy' })
export class ReminderPolicyRecord {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @OneToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ type: 'jsonb' })
  policy: ReminderPolicy;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
