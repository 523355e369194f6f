import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class ScoreQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The cycle (programme and year)' }) @IsOptional() @IsUUID('4') cycleId?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The reporting unit' }) @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ example: '2026-B08' }) @IsOptional() @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } }) periodKey?: string;
}

/** The current scores of a cycle's reporters (their own reports, not their units' inputs) in the caller's scope. */
export class ReporterScoreQuery extends PageQuery {
  @ApiProperty({ format: 'uuid', description: 'The cycle (programme and year)' }) @IsUUID('4') cycleId: string;
  @ApiPropertyOptional({ example: '2026-B08' }) @IsOptional() @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } }) periodKey?: string;
  @ApiPropertyOptional({ example: '64', description: 'Only the reports of this province (its regencies/cities and its own)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { context: { example: '64' } })
  provinceCode?: string;
  @ApiPropertyOptional({ example: 'PEDULI', description: 'Only scores in this band (KKP HAM) or standing (RANHAM)' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { context: { example: 'PEDULI' } })
  band?: string;
}

/** One score snapshot; rescoring adds snapshots and never changes one. */
export class ScoreSnapshotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ nullable: true, type: String, example: '64', description: 'Null for a K/L report' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71', description: 'Null for a province’s or a ministry’s report' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ example: '2026-TAHUNAN' }) periodKey: string;
  @ApiProperty({ description: 'The framework version the score was computed under' }) frameworkVersion: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) frameworkVersionId: string | null;
  @ApiProperty({ example: 'SELF_ASSESSED', description: 'VERIFIED when a reviewer’s value counted for at least one indicator' }) basis: string;
  @ApiProperty({ example: 72.5 }) total: number;
  @ApiProperty() band: string;
  @ApiProperty({ description: 'Whether this is the submission’s score now (the latest under its cycle’s version)' }) current: boolean;
  @ApiProperty({ description: 'Whether the result is final: the current score of a cycle whose decree is issued' }) final: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The recalculation run that made it, if any' }) recalculationRunId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class ScorePage {
  @ApiProperty({ type: [ScoreSnapshotView] }) items: ScoreSnapshotView[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 1 }) total: number;
}

/** One adjustment rule of the version as the snapshot counted it, with what the central team recorded for it. */
export class AdjustmentExplanation {
  @ApiProperty({ example: 'AKSI_HAM_BONUS' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['BONUS', 'PENALTY'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The value entered (units, or points without a per-unit factor); null when none' }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Points per unit, when the rule counts units' }) perUnit: number | null;
  @ApiProperty({ description: 'Points before the cap' }) requested: number;
  @ApiProperty({ description: 'Signed points applied to the total: positive for a bonus, negative for a penalty' }) applied: number;
  @ApiProperty({ description: 'The most points the adjustment can add or remove' }) cap: number;
  @ApiProperty() capped: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RANHAM yearly score 2025: 85' }) source: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the value was recorded' }) recordedAt: string | null;
}

export class ScoreExplanation extends ScoreSnapshotView {
  @ApiProperty({ description: 'A hash of everything the score was computed from; the same inputs never make a second snapshot' }) inputHash: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The engine’s result: each indicator’s points and rule or reason for 0 (RANHAM: each action’s measures with their achievement and their documents’ completeness), subtotals, adjustments, total, band, and where each value came from',
  })
  breakdown: Record<string, unknown>;
  @ApiProperty({ type: [AdjustmentExplanation], description: 'KKP HAM: each adjustment rule with its value, points, cap, reason and source; empty for RANHAM' })
  adjustments: AdjustmentExplanation[];
}
