import { Injectable } from '@nestjs/common';
import { Permission } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { AuditQuery } from './audit.dto';
import { AuditPage, readAuditPage } from './audit-page';

/** The audit trail, newest first: national admins see all of it, a Kanwil the changes made in its province. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(query: AuditQuery, principal: Principal): Promise<AuditPage> {
    if (query.cursor && query.page > 1) throw ApiError.badRequest('audit.cursorWithPage');
    const scope = this.access.listFilter(principal, Permission.AUDIT_READ, { province: 'a.province_code', region: 'a.region_code', organisation: 'NULL' });
    const position = query.cursor ? { cursor: query.cursor } : { offset: (query.page - 1) * query.pageSize };
    const page = await readAuditPage(this.dataSource, scope, query, position, query.pageSize);
    return { ...page, page: query.cursor ? null : query.page };
  }
}
