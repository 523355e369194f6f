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
