import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { ANY_SIGNED_IN, CurrentActor, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { VersionSummary } from './framework-views';
import { DraftView, PublishBody, PublishedVersion, UpdateDraftBody, VersionDetail, VersionQuery, WhatIfBody } from './frameworks.dto';
import { FrameworksService } from './frameworks.service';
import { WhatIfResult } from './what-if.service';

/**
 * Versioned scoring frameworks. A DRAFT is edited freely (every save reports its problems); publishing checks it in
 * full and freezes it; a PUBLISHED version may later be RETIRED once no cycle pins it; a new version starts as a copy.
 */
@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('frameworks/versions')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'Framework versions, newest first (without their content)' })
  @ApiOkResponse({ type: [VersionSummary] })
  @ApiErrors(400, 401)
  list(@Query() query: VersionQuery): Promise<VersionSummary[]> {
    return this.frameworks.list(query);
  }

  @Get(':id')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'One version with its content and its current validation problems' })
  @ApiOkResponse({ type: VersionDetail })
  @ApiErrors(400, 401, 404)
  get(@Param('id', uuidParam) id: string): Promise<VersionDetail> {
    return this.frameworks.get(id);
  }

  @Post(':id/drafts')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Start a new DRAFT version as an editable copy of this one' })
  @ApiCreatedResponse({ type: VersionSummary, description: 'The new DRAFT' })
  @ApiErrors(400, 401, 403, 404, 409)
  draftFrom(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    return this.frameworks.draftFrom(id, actor);
  }

  @Put(':id')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Replace a DRAFT’s content; the answer lists what must still be fixed before publishing' })
  @ApiOkResponse({ type: DraftView })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateDraftBody, @CurrentActor() actor: RequestActor): Promise<DraftView> {
    return this.frameworks.update(id, body, actor);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({
    summary: 'Publish a DRAFT: refused with every problem listed if it is not valid; frozen afterwards. Cycles named in adoptInCycles switch to it and are recalculated',
  })
  @ApiOkResponse({ type: PublishedVersion })
  @ApiErrors(400, 401, 403, 404, 409)
  publish(@Param('id', uuidParam) id: string, @Body() body: PublishBody, @CurrentActor() actor: RequestActor): Promise<PublishedVersion> {
    return this.frameworks.publish(id, body, actor);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Retire a PUBLISHED version that no cycle pins any more; its snapshots and history stay' })
  @ApiOkResponse({ type: VersionSummary })
  @ApiErrors(400, 401, 403, 404, 409)
  retire(@Param('id', uuidParam) id: string, @CurrentActor() actor: RequestActor): Promise<VersionSummary> {
    return this.frameworks.retire(id, actor);
  }

  @Post(':id/what-if')
  @HttpCode(200)
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Score this version (a DRAFT too) against a cycle’s current answers without storing anything; lists the band changes it would cause' })
  @ApiOkResponse({ type: WhatIfResult })
  @ApiErrors(400, 401, 403, 404)
  whatIfScore(@Param('id', uuidParam) id: string, @Body() body: WhatIfBody): Promise<WhatIfResult> {
    return this.frameworks.whatIfScore(id, body);
  }
}
