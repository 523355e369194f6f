import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorType } from '@peduli/db';
import { REGION_CODE_PATTERN } from '@peduli/domain';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';

/** An audit id as the listing hands it out; at most 18 digits, so it always fits PostgreSQL's bigint. */
const CURSOR_PATTERN = /^[1-9][0-9]{0,17}$/;

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; the next page starts after it. Replaces `page`.', example: '1234' })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { context: { example: '1234' } })
  cursor?: string;

  @ApiPropertyOptional({ example: 'submission' }) @IsOptional() @IsString() @MaxLength(48) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ example: 'submission.submitted' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actorId?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

const JSON_OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;

export class AuditEntryView {
  @ApiProperty({ example: '1234', description: 'Grows with each entry; a string, as it may pass 2^53' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: ActorType }) actorType: ActorType;
  @ApiProperty({ nullable: true, type: String, description: 'The account or API token that acted; null for the system or an anonymous caller' })
  actorId: string | null;
  @ApiProperty({ example: 'submission.submitted' }) action: string;
  @ApiProperty({ example: 'submission' }) entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ ...JSON_OBJECT, description: 'The changed fields before the change' }) before: Record<string, unknown> | null;
  @ApiProperty({ ...JSON_OBJECT, description: 'The changed fields after the change' }) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Ties the entry to the request’s log lines' }) requestId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71' }) regionCode: string | null;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] }) items: AuditEntryView[];
  @ApiProperty({ type: 'integer', example: 50 }) pageSize: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next (older) entries; null on the last page' })
  nextCursor: string | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The page number asked for, when paging by number; null when paging by cursor' })
  page: number | null;
}
