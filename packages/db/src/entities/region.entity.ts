import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IndonesianTimeZone, RegionKind } from '@peduli/domain';
import type { Province } from './province.entity';

/** A kabupaten (regency) or kota (city): the unit assessed by KKP HAM. */
@Entity({ name: 'region' })
@Index('region_province_idx', ['provinceCode'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode: string;

  @ManyToOne('Province', (province: Province) => province.regions, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Province;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  kind: RegionKind;

  @Column({ name: 'time_zone', type: 'varchar', length: 4 })
  timeZone: IndonesianTimeZone;

  @Column({ name: 'iana_zone', type: 'varchar', length: 40 })
  ianaZone: string;
}
