import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationKind } from '@peduli/domain';
import { Province } from './province.entity';
import { Region } from './region.entity';

/**
 * A ministry or its directorate, Kanwil, Biro/Bagian Hukum, OPD, company, university or NGO, placed nationally, in a
 * province or a region.
 */
@Entity({ name: 'organisation' })
// Where an organisation sits must match its kind (see ORGANISATION_LEVEL in the domain package). A directorate belongs
// to its ministry, and an OPD of a province (not of a regency/city) to the province's Biro Hukum; the service checks
// the parent's kind and province.
@Check(
  'organisation_scope_ck',
  `(kind = 'MINISTRY' AND province_code IS NULL AND region_code IS NULL AND parent_id IS NULL)
   OR (kind = 'DIRECTORATE' AND province_code IS NULL AND region_code IS NULL AND parent_id IS NOT NULL)
   OR (kind IN ('KANWIL', 'BIRO_HUKUM') AND province_code IS NOT NULL AND region_code IS NULL)
   OR (kind = 'OPD' AND province_code IS NOT NULL AND region_code IS NULL AND parent_id IS NOT NULL)
   OR (kind IN ('BAGIAN_HUKUM', 'OPD', 'COMPANY', 'UNIVERSITY', 'NGO') AND region_code IS NOT NULL AND province_code = left(region_code, 2))`,
)
@Index('organisation_region_idx', ['regionCode'])
@Index('organisation_province_idx', ['provinceCode'])
@Index('organisation_parent_idx', ['parentId'])
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Set for province-level organisations and, derived from the region, for region-level ones. */
  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Province;

  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** The reporting organisation a unit belongs to: a directorate's ministry, a province-level OPD's Biro Hukum. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organisation;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
