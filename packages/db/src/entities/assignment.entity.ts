import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { ReportingCycle } from './reporting-cycle.entity';

/**
 * One item of a cycle's framework version assigned by a reporter (a regency/city by its code, a ministry or a Biro
 * Hukum by its organisation) to one of its units. `itemCode` is a KKP HAM indicator code, a RANHAM action code (all its
 * measures) or a RANHAM measure code. Where several units share an item, the lead's answer settles a disagreement.
 */
@Entity({ name: 'assignment' })
@Index('assignment_cycle_unit_item_uq', ['cycleId', 'unitOrganisationId', 'itemCode'], { unique: true })
@Index('assignment_cycle_unit_idx', ['cycleId', 'unitOrganisationId'])
@Index('assignment_cycle_region_idx', ['cycleId', 'reporterRegionCode'])
@Index('assignment_cycle_reporter_idx', ['cycleId', 'reporterOrganisationId'])
@Index('assignment_lead_region_uq', ['cycleId', 'reporterRegionCode', 'itemCode'], { unique: true, where: '"lead" AND "reporter_region_code" IS NOT NULL' })
@Index('assignment_lead_reporter_uq', ['cycleId', 'reporterOrganisationId', 'itemCode'], {
  unique: true,
  where: '"lead" AND "reporter_organisation_id" IS NOT NULL',
})
@Check('assignment_one_reporter_chk', `("reporter_region_code" IS NULL) <> ("reporter_organisation_id" IS NULL)`)
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'assignment_cycle_fk' })
  cycle?: ReportingCycle;

  /** The regency/city whose units answer; null for a ministry or a Biro Hukum. */
  @Column({ name: 'reporter_region_code', type: 'varchar', length: 5, nullable: true })
  reporterRegionCode: string | null;

  /** The ministry or Biro Hukum whose units answer; null for a regency/city. */
  @Column({ name: 'reporter_organisation_id', type: 'uuid', nullable: true })
  reporterOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_organisation_id', foreignKeyConstraintName: 'assignment_reporter_fk' })
  reporterOrganisation?: Organisation;

  @Column({ name: 'item_code', type: 'varchar', length: 32 })
  itemCode: string;

  @Column({ name: 'unit_organisation_id', type: 'uuid' })
  unitOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_organisation_id', foreignKeyConstraintName: 'assignment_unit_fk' })
  unitOrganisation?: Organisation;

  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
