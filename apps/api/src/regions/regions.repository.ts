import { Injectable } from '@nestjs/common';
import { Region } from '@peduli/db';
import type { IndonesianTimeZone, RegionKind } from '@peduli/domain';
import { DataSource } from 'typeorm';

export interface RegionListFilters {
  province?: string;
  kind?: RegionKind;
  timeZone?: IndonesianTimeZone;
}

/** Reads of the reference data (regions with their province); migrations and seeders are what write it. */
@Injectable()
export class RegionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(filters: RegionListFilters, page: { offset: number; limit: number }): Promise<[Region[], number]> {
    const builder = this.dataSource
      .getRepository(Region)
      .createQueryBuilder('region')
      .leftJoinAndSelect('region.province', 'province')
      .orderBy('region.code', 'ASC')
      .skip(page.offset)
      .take(page.limit);
    if (filters.province) builder.andWhere('region.provinceCode = :province', { province: filters.province });
    if (filters.kind) builder.andWhere('region.kind = :kind', { kind: filters.kind });
    if (filters.timeZone) builder.andWhere('region.timeZone = :timeZone', { timeZone: filters.timeZone });
    return builder.getManyAndCount();
  }

  findByCode(code: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { code }, relations: { province: true } });
  }
}
