import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import type { Request } from 'express';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { localeOf } from '../common/request-context';
import { ApproveBody, ReturnBody, ReviewView } from './review.dto';
import { ReviewService } from './review.service';
import { SubmissionsService } from './submissions.service';
import { SubmissionView } from './submissions.dto';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly submissions: SubmissionsService,
  ) {}

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.SUBMISSIONS_REVIEW)
  @ApiOperation({
    summary:
      'Approve at the current review stage (unit head, coordinator, Kanwil, centre). A unit’s input ends at its coordinator; a reporter’s own report goes on to the Kanwil (not for a K/L) and the centre (CENTRAL), whose approval verifies. The Kanwil may propose verified values and rejections, the centre sets the final ones',
  })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  async approve(@Param('id', uuidParam) id: string, @Body() body: ApproveBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<SubmissionView> {
    await this.reviews.approve(id, body, principal, actor);
    return this.submissions.view(id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(Permission.SUBMISSIONS_REVIEW)
  @ApiOperation({
    summary:
      'Send back with reason codes and a comment: to the reporter (returnTo REPORTER, the default), who corrects and submits again, or from the CENTRAL stage to the Kanwil (returnTo KANWIL; not for a K/L report)',
  })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 401, 403, 404, 409)
  async return(@Param('id', uuidParam) id: string, @Body() body: ReturnBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<SubmissionView> {
    await this.reviews.return(id, body, principal, actor);
    return this.submissions.view(id);
  }

  @Get(':id/reviews')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Every review decision on the submission, oldest first, with the reasons in the request’s language' })
  @ApiOkResponse({ type: [ReviewView] })
  @ApiErrors(400, 401, 403, 404)
  history(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ReviewView[]> {
    return this.reviews.history(id, principal, localeOf(request));
  }
}
