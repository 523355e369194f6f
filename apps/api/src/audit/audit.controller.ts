import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentPrincipal, Principal, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { AuditQuery, AuditPageView } from './audit.dto';
import type { AuditPage } from './audit-page';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AUDIT_READ)
  @ApiOperation({
    summary: 'Audit entries with filters, newest first',
    description:
      'National admins see the whole trail, a Kanwil the changes made in its province. Page with `cursor` (the previous ' +
      'page\'s `nextCursor`, null on the last page). There is no total: counting a trail that only grows costs a scan of it.',
  })
  @ApiOkResponse({ type: AuditPageView })
  @ApiErrors(400, 401, 403)
  list(@Query() query: AuditQuery, @CurrentPrincipal() principal: Principal): Promise<AuditPage> {
    return this.audit.list(query, principal);
  }
}
