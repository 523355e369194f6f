import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Programme } from '@peduli/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CycleChange, VersionSummary } from './framework-views';

export class VersionQuery {
  @ApiPropertyOptional({ enum: Programme }) @IsOptional() @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme?: Programme;
  @ApiPropertyOptional({ example: 'KKP_HAM_PERMENKUMHAM_22_2021' }) @IsOptional() @IsString() @MaxLength(64) frameworkCode?: string;
}

export class UpdateDraftBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) label?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'KKP HAM: criteria, indicators and rules; RANHAM: targetGroups, actions and rules. Checked in full when published, and reported on every save',
  })
  @IsObject()
  content: Record<string, unknown>;
}

export class PublishBody {
  @ApiPropertyOptional({ type: [String], description: 'Cycles that adopt this version once published; each starts a recalculation run' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  adoptInCycles?: string[];
}

export class WhatIfBody {
  @ApiProperty({ format: 'uuid', description: 'The cycle whose current answers are scored' }) @IsUUID('4') cycleId: string;
}

export class BilingualText {
  @ApiProperty({ example: 'Bobot kriteria harus berjumlah 100.' }) id: string;
  @ApiProperty({ example: 'The criteria weights must add up to 100.' }) en: string;
}

/** One thing to fix in a framework version before it can be published. */
export class FrameworkProblemView {
  @ApiProperty({ example: 'criteria[2].weight', description: 'Where in the content' }) path: string;
  @ApiProperty({ example: 'WEIGHTS_NOT_100' }) code: string;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
}

export class DraftView extends VersionSummary {
  @ApiProperty({ type: [FrameworkProblemView], description: 'What must still be fixed before publishing; empty when it is ready' }) problems: FrameworkProblemView[];
}

export class VersionDetail extends DraftView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'KKP HAM: criteria, indicators and rules; RANHAM: targetGroups, actions and rules' })
  content: object;
}

export class PublishedVersion extends VersionSummary {
  @ApiProperty({ type: [CycleChange], description: 'The cycles named in adoptInCycles, now on this version, each with its recalculation run' })
  adoptedBy: CycleChange[];
}
