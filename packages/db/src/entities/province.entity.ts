import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { IndonesianTimeZone } from '@peduli/domain';
import type { Region } from './region.entity';

@Entity({ name: 'province' })
export class Province {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 4 })
  timeZone: IndonesianTimeZone;

  @Column({ name: 'iana_zone', type: 'varchar', length: 40 })
  ianaZone: string;

  @OneToMany('Region', (region: Region) => region.province)
  regions?: Region[];
}
