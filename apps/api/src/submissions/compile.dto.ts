import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Answers, Programme, REGION_CODE_PATTERN } from '@peduli/domain';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { IsAnswers } from './submissions.dto';

/** Whose report to compile: a regency/city by `regionCode`, or a ministry or a province's Biro Hukum by `organisationId`. */
export class CompileBody {
  @ApiPropertyOptional({ enum: Programme, default: Programme.KKP_HAM })
  @IsOptional()
  @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } })
  programme: Programme = Programme.KKP_HAM;

  @ApiPropertyOptional({ example: '64.71', description: 'The regency/city whose report is compiled; required unless `organisationId` is given' })
  // Required unless an organisation names the reporter, so a body naming neither is told so with its other problems.
  @ValidateIf((body: CompileBody) => body.organisationId === undefined)
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose report is compiled' })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;

  @ApiProperty({ example: '2026-TAHUNAN', description: 'e.g. 2026-TAHUNAN (KKP HAM) or 2026-B08 (RANHAM)' })
  @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-TAHUNAN' } })
  periodKey: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string', nullable: true }] },
    example: { 'K2.S1': true },
    description:
      'The coordinator’s own answers for the compiled report, by indicator (KKP HAM) or measure code (RANHAM), checked against the framework like PATCH answers and applied before the units’ answers are merged: an answer given here stands over the units’, so it settles a disagreement in the same call (null clears the report’s own answer, letting the units’ answer in again). Nothing is written when the compilation is refused.',
  })
  @IsOptional()
  @IsAnswers()
  answers?: Answers;
}
