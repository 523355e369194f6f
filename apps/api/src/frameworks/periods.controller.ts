import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission, REGION_CODE_PATTERN } from '@peduli/domain';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ANY_SIGNED_IN, CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { uuidParam } from '../common/uuid-param';
import { ExtensionView, PeriodsService, PeriodView } from './periods.service';

class PeriodBody {
  @ApiPropertyOptional({
    example: '2026-08-30',
    description: 'Local date the reporting window opens (on or before the deadline); no reminder goes out before it. Omitted: a RANHAM period opens 7 days before its deadline, a KKP HAM period has no opening',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-08-30' } })
  opensOn?: string;
  @ApiProperty({ example: '2026-09-06', description: 'Local date in each unit’s own zone' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { example: '2026-09-06' } }) deadlineDate: string;
  @ApiPropertyOptional({ example: '16:00', description: 'Local time; omitted means the end of the day' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { context: { example: '16:00' } }) deadlineTime?: string;
  @ApiPropertyOptional({
    example: 'WIB',
    description: 'One zone for everyone (WIB, WITA, WIT or an IANA name); omitted, the usual case, means each unit’s own zone',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  timeZone?: string;
}

class ExtensionBody {
  @ApiPropertyOptional({ example: '64.71', description: 'The regency/city; omitted for a ministry or a province reporter, named by organisationId' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'With regionCode: one unit, omitted for the whole regency/city. Without: a ministry or a Biro Hukum (the whole reporter and its units) or one of their units (a directorate, a province OPD)',
  })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;
  @ApiProperty({ example: '2026-09-13T23:59:00+08:00', description: 'An instant with its offset (Z or ±hh:mm), so no zone is guessed' })
  @IsDateString({ strict: true })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'until must be a date and time with its offset, e.g. 2026-09-13T23:59:00+08:00',
    context: { example: '2026-09-13T23:59:00+08:00' },
  })
  until: string;
  @ApiProperty({ example: 'Banjir di kantor Bagian Hukum' }) @IsString() @MinLength(5) @MaxLength(1000) reason: string;
}

/** A cycle's reporting periods with their deadlines, and extensions granted to units that need more time. */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles/:cycleId/periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @RequirePermission(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The cycle’s periods and their deadlines, shown in every zone' })
  @ApiOkResponse({ type: [PeriodView] })
  @ApiErrors(400, 401, 404)
  list(@Param('cycleId', uuidParam) cycleId: string): Promise<PeriodView[]> {
    return this.periods.list(cycleId);
  }

  @Put(':code')
  @RequirePermission(Permission.FRAMEWORKS_MANAGE)
  @ApiOperation({ summary: 'Set a period’s opening date and deadline (a local date, optionally a time: each unit’s deadline is that moment in its zone)' })
  @ApiOkResponse({ type: PeriodView })
  @ApiErrors(400, 401, 403, 404)
  set(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @Body() body: PeriodBody, @CurrentActor() actor: RequestActor): Promise<PeriodView> {
    return this.periods.set(cycleId, code, body, actor);
  }

  @Get(':code/extensions')
  @RequirePermission(Permission.DEADLINES_EXTEND)
  @ApiOperation({ summary: 'The extensions granted for a period, latest deadline first, those within the caller’s scope (admins and the centre all, the Kanwil its province)' })
  @ApiOkResponse({ type: [ExtensionView] })
  @ApiErrors(400, 401, 403, 404)
  extensions(@Param('cycleId', uuidParam) cycleId: string, @Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<ExtensionView[]> {
    return this.periods.extensions(cycleId, code, principal);
  }

  @Post(':code/extensions')
  @RequirePermission(Permission.DEADLINES_EXTEND)
  @ApiOperation({
    summary:
      'Give a reporter (a regency/city, a province or a ministry) or one of its units until a later instant to submit, with a reason (admins; the Kanwil of the province for a regency/city or a province; the central verifier for any, a ministry included)',
  })
  @ApiCreatedResponse({ type: ExtensionView })
  @ApiErrors(400, 401, 403, 404)
  extend(
    @Param('cycleId', uuidParam) cycleId: string,
    @Param('code') code: string,
    @Body() body: ExtensionBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<ExtensionView> {
    return this.periods.extend(cycleId, code, body, principal, actor);
  }
}
