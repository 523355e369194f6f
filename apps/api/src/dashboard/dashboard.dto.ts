import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class ReturnsQuery {
  @ApiProperty({ format: 'uuid', description: 'The cycle (programme and year)' }) @IsUUID('4') cycleId: string;
  @ApiPropertyOptional({ example: 'B08', description: 'Only the reviews of this period’s reports' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } })
  periodCode?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20, description: 'How many codes, most often failed or returned first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 20;
}

/** How often reviewers returned or rejected one indicator (KKP HAM) or action measure (RANHAM). */
export class ReturnedCodeView {
  @ApiProperty({ example: 'K1.P1', description: 'The indicator or action code' }) code: string;
  @ApiProperty({ example: 3, description: 'Return reasons naming this code, over every review stage' }) returns: number;
  @ApiProperty({ example: 1, description: 'Rejections of this code set by a verifying stage with its approval' }) rejections: number;
  @ApiProperty({ example: 2, description: 'Distinct reports it was returned or rejected in' }) submissions: number;
}

export class ReturnsView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-B08', description: 'null: every period of the cycle' }) periodKey: string | null;
  @ApiProperty({ example: 5, description: 'Reviews that returned a report in scope, with or without a code' }) returnedReviews: number;
  @ApiProperty({ type: [ReturnedCodeView], description: 'Most often returned or rejected first (returns + rejections), then by code' })
  items: ReturnedCodeView[];
}

export class TimelinessQuery {
  @ApiProperty({ format: 'uuid', description: 'The cycle (programme and year)' }) @IsUUID('4') cycleId: string;
  @ApiProperty({ example: 'B08' }) @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } }) periodCode: string;
}

/** How a reporter's own report stands against its deadline. */
export const TIMELINESS = ['ON_TIME', 'SUBMITTED_LATE', 'LATE', 'NOT_YET'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export class TimelinessView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ example: '2026-B08' }) periodKey: string;
  @ApiProperty({ description: 'false while the period has no deadline yet: nobody is LATE then' }) deadlineSet: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description:
      'Reporters’ own reports (a regency/city’s) per timeliness, every one present: ON_TIME sent in time, SUBMITTED_LATE sent after the deadline within an extension, LATE still owing after it, NOT_YET not sent while the deadline has not passed. Units’ inputs are not counted: they answer to their coordinator’s internal deadline',
    example: { ON_TIME: 310, SUBMITTED_LATE: 12, LATE: 40, NOT_YET: 152 },
  })
  counts: Record<Timeliness, number>;
  @ApiProperty({ example: 514, description: 'The reports counted' }) total: number;
}
