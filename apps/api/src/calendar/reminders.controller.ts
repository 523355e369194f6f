import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ReminderKind, ReminderStatus } from '@peduli/db';
import { Permission } from '@peduli/domain';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { MAX_OFFSET } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { ReminderPage, RemindersService, ReminderView } from './reminders.service';

class ReminderQuery {
  @ApiPropertyOptional({ enum: ReminderStatus }) @IsOptional() @IsEnum(ReminderStatus) status?: ReminderStatus;
  @ApiPropertyOptional({ enum: ReminderKind }) @IsOptional() @IsEnum(ReminderKind) kind?: ReminderKind;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
  @ApiPropertyOptional({ default: 0, maximum: MAX_OFFSET }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}

class ResendBody {
  @ApiProperty({ example: 'Operator baru menggantikan yang lama' }) @IsString() @MinLength(5) @MaxLength(1000) reason: string;
}

/** The reminder ledger of a period, as coordinators, the Kanwil and admins follow it up; and a resend by hand. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('cycles/:cycleId/periods/:code/reminders')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Planned, sent, skipped and failed reminders of a period, by unit, within the caller’s scope, with totals per status' })
  @ApiOkResponse({ type: ReminderPage })
  @ApiErrors(400, 401, 403, 404)
  list(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @Query() query: ReminderQuery, @CurrentPrincipal() principal: Principal): Promise<ReminderPage> {
    return this.reminders.list(cycleId, code, query, principal);
  }

  @Post('reminders/:id/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission(Permission.REMINDERS_RESEND)
  @ApiOperation({ summary: 'Send a sent, skipped or failed reminder again now, with a reason (audited); it gets a new Message-ID' })
  @ApiAcceptedResponse({ type: ReminderView, description: 'Planned again for now; the reminder worker sends it' })
  @ApiErrors(400, 401, 403, 404, 409)
  resend(@Param('id', uuidParam) id: string, @Body() body: ResendBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<ReminderView> {
    return this.reminders.resend(id, body, principal, actor);
  }
}
