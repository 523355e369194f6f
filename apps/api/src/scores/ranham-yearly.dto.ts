import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class RanhamYearlyQuery {
  @ApiProperty({ type: 'integer', example: 2025, description: 'The RANHAM reporting year' }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: '64.71', description: 'A regency/city reporter' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A ministry or a province’s Biro Hukum' }) @IsOptional() @IsUUID('4') organisationId?: string;
}

export class RanhamYearlyListQuery {
  @ApiProperty({ type: 'integer', example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: '64', description: 'Only the regencies/cities of this province' }) @IsOptional() @Matches(/^\d{2}$/, { context: { example: '64' } }) provinceCode?: string;
}

export class RanhamYearlyPeriodView {
  @ApiProperty({ example: 'B04' }) code: string;
  @ApiProperty({ example: 80, description: 'The score counted: 0 when the period was not reported' }) score: number;
  @ApiProperty({ type: String, nullable: true, example: 'NOT_REPORTED', description: 'Why the period counts 0: NOT_REPORTED; null when it was reported' }) reason: 'NOT_REPORTED' | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-B04' }) periodKey: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) submissionId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The current snapshot the score comes from' }) snapshotId: string | null;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
}

/** A reporter's yearly RANHAM score: the mean of the periods the year's rules define, each missing one counting 0. */
export class RanhamYearlyView {
  @ApiProperty({ type: 'integer', example: 2025 }) year: number;
  @ApiProperty({ type: String, nullable: true, example: '64.71' }) regionCode: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ enum: ['KL', 'PROVINCE', 'KABKOTA'], description: 'The reporter’s RANHAM level, which sets its target' }) level: string;
  @ApiProperty({ example: 56.67, description: 'Rounded to 2 decimals' }) score: number;
  @ApiProperty({ example: 60 }) target: number;
  @ApiProperty() meetsTarget: boolean;
  @ApiProperty({ type: [RanhamYearlyPeriodView] }) periods: RanhamYearlyPeriodView[];
  @ApiProperty({ type: [String], description: 'Reported periods that are not periods of the year’s rules; not counted' }) ignoredPeriodCodes: string[];
}

export class RanhamYearlyList {
  @ApiProperty({ type: 'integer', example: 2025 }) year: number;
  @ApiProperty({ type: [RanhamYearlyView], description: 'Regencies/cities with at least one scored report of the year, by code' }) items: RanhamYearlyView[];
}
