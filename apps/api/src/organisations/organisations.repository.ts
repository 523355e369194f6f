import { Injectable } from '@nestjs/common';
import { Organisation, Province, Region } from '@peduli/db';
import type { OrganisationKind } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface OrganisationListFilters {
  kind?: OrganisationKind;
  provinceCode?: string;
  regionCode?: string;
  parentId?: string;
  active?: boolean;
}

/** Every query of organisation: the only module that writes it. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOne({ where: { id } });
  }

  regionExists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Region).exists({ where: { code } });
  }

  provinceExists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Province).exists({ where: { code } });
  }

  /** The province's active Biro Hukum when it has exactly one, else null. */
  async onlyBiroHukumOf(provinceCode: string): Promise<Organisation | null> {
    const found = await this.dataSource
      .getRepository(Organisation)
      .find({ where: { kind: 'BIRO_HUKUM' as OrganisationKind, provinceCode, active: true }, take: 2 });
    return found.length === 1 ? found[0] : null;
  }

  list(
    scope: { sql: string; params: Record<string, unknown> } | null,
    filters: OrganisationListFilters,
    page: { offset: number; limit: number },
  ): Promise<[Organisation[], number]> {
    const builder = this.dataSource.getRepository(Organisation).createQueryBuilder('o').orderBy('o.name', 'ASC').skip(page.offset).take(page.limit);
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (filters.kind) builder.andWhere('o.kind = :kind', { kind: filters.kind });
    if (filters.provinceCode) builder.andWhere('o.province_code = :p', { p: filters.provinceCode });
    if (filters.regionCode) builder.andWhere('o.region_code = :r', { r: filters.regionCode });
    if (filters.parentId) builder.andWhere('o.parent_id = :parent', { parent: filters.parentId });
    if (filters.active !== undefined) builder.andWhere('o.active = :a', { a: filters.active });
    return builder.getManyAndCount();
  }

  insert(manager: EntityManager, organisation: Pick<Organisation, 'kind' | 'name' | 'provinceCode' | 'regionCode' | 'parentId'>): Promise<Organisation> {
    return manager.getRepository(Organisation).save(organisation);
  }

  async update(manager: EntityManager, id: string, patch: Partial<Pick<Organisation, 'name' | 'active'>>): Promise<Organisation> {
    await manager.update(Organisation, id, patch);
    return manager.getRepository(Organisation).findOneOrFail({ where: { id } });
  }
}
