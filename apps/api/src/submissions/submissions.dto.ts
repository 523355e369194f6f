import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import {
  Answers,
  isIndicatorCode,
  Programme,
  PROVINCE_CODE_PATTERN,
  REGION_CODE_PATTERN,
  ReviewStage,
  RanhamReporterLevel,
  SubmissionStatus,
} from '@peduli/domain';
import { DocumentView } from './evidence.dto';
import { Type } from 'class-transformer';
import { IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { ApiError } from '../common/api-error';

const MAX_ANSWERS = 500;
const MAX_TEXT_ANSWER = 4000;

/** Answers are a flat object of indicator code to number, true/false, text or null. */
export function IsAnswers(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswers',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown) {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length > MAX_ANSWERS) return false;
          return entries.every(
            ([code, answer]) =>
              isIndicatorCode(code) &&
              (answer === null ||
                typeof answer === 'boolean' ||
                (typeof answer === 'number' && Number.isFinite(answer)) ||
                (typeof answer === 'string' && answer.length <= MAX_TEXT_ANSWER)),
          );
        },
        defaultMessage: () => 'answers must map indicator codes to number, boolean, string or null values',
      },
    });
}

export class CreateSubmissionBody {
  @ApiPropertyOptional({
    example: '64.71',
    description: 'Official regency/city code: the regency/city reporting as itself, or (optional) the regency/city of `organisationId`. Required unless `organisationId` is given',
  })
  // Required unless an organisation names the reporter, so a body naming neither is told so with its other problems.
  @ValidateIf((body: CreateSubmissionBody) => body.organisationId === undefined || (body.regionCode !== undefined && body.regionCode !== null))
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode?: string;

  @ApiProperty({ enum: Programme })
  @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } })
  programme: Programme;

  @ApiProperty({ example: '2026-B08', description: 'Year and period code: 2026-B04/B08/B12 (RANHAM) or 2026-TAHUNAN (KKP HAM)' })
  @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } })
  periodKey: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '3f0c8a52-6d1e-4b7a-9c41-2a7e5d9b0c13',
    description:
      'The reporting organisation: a ministry or its directorate (K/L), a province’s Biro Hukum or OPD, or an organisation of a regency/city; omit for a regency/city as a whole. RANHAM is not reported by a Kanwil, company, university or NGO, and KKP HAM only by regencies/cities and their organisations. Required for unit operators and unit heads, whose roles cover their unit only',
  })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;

  @ApiPropertyOptional({ example: { 'K1.1': true, 'K6.3': 82.5 }, description: 'Self-assessed answers by indicator code' })
  @IsOptional()
  @IsAnswers()
  answers?: Answers;

  @ApiPropertyOptional({ example: 'bagian.hukum@balikpapan.go.id', description: 'Where notices about this submission go' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;
}

export class UpdateSubmissionBody {
  @ApiPropertyOptional({ example: { 'K1.S1': true, 'K1.P1': 82.5 }, description: 'All self-assessed answers by indicator code (replaces the previous ones)' })
  @IsOptional()
  @IsAnswers()
  answers?: Answers;

  @ApiPropertyOptional({ example: 'bagian.hukum@balikpapan.go.id' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({
    example: 3,
    description: 'The `version` the change was made on; when the submission has moved on since, the change is refused with 409 and nothing is written',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}


export class ScoreView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ example: 'SELF_ASSESSED', description: 'VERIFIED when a reviewer’s value counted for at least one indicator' }) basis: string;
  @ApiProperty({ example: 72.5 }) total: number;
  @ApiProperty() band: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export { DocumentView } from './evidence.dto';

/** A message in both languages. */
export class BilingualText {
  @ApiProperty({ example: 'Dokumen pendukung indikator K1.S1 belum diunggah.' }) id: string;
  @ApiProperty({ example: 'No supporting document was uploaded for indicator K1.S1.' }) en: string;
}

export class CheckProblemView {
  @ApiProperty({ example: 'INDICATOR_EVIDENCE_MISSING' }) code: string;
  @ApiPropertyOptional({ example: 'K1.S1' }) indicatorCode?: string;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
}

const ANSWERS_SCHEMA: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  // A number, true/false, text, or null for "not answered".
  additionalProperties: { anyOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string', nullable: true }] },
};

export class SubmissionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '64', description: 'The province of a province’s or regency/city’s report; null for a K/L report' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71', description: 'The regency/city; null for a province’s or a ministry’s report' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ nullable: true, enum: ['KL', 'PROVINCE', 'KABKOTA', null], description: 'The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter' })
  reporterLevel: RanhamReporterLevel | null;
  @ApiProperty({ enum: Programme }) programme: Programme;
  @ApiProperty({ example: '2026-B08' }) periodKey: string;
  @ApiProperty({ enum: SubmissionStatus }) status: SubmissionStatus;
  @ApiProperty({ ...ANSWERS_SCHEMA, description: 'Self-assessed answers by indicator code' }) answers: Answers;
  @ApiProperty({ nullable: true, enum: [...Object.values(ReviewStage), null], description: 'While IN_REVIEW: the stage whose turn it is' }) reviewStage: string | null;
  @ApiProperty({ ...ANSWERS_SCHEMA, description: 'Values the Kanwil set; they count instead of the answers' }) verifiedAnswers: Answers;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Answers the Kanwil rejected, with the reason code' }) rejections: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty() submitCount: number;
  @ApiProperty({ example: 3, description: 'Grows with every change; send it back with PATCH to refuse overwriting someone else’s change' }) version: number;
  @ApiProperty({ description: 'Submitted after the unit’s deadline, within an extension (server time)' }) late: boolean;
  @ApiProperty({ type: [CheckProblemView], description: 'Problems of the submission as a whole from the document check, e.g. INDICATOR_EVIDENCE_MISSING' })
  checkProblems: CheckProblemView[];
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
  @ApiProperty({ type: [ScoreView] }) scores: ScoreView[];
  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['K1.S1', 'K1.P1'],
    description:
      'A unit’s input whose reporter assigns items in the cycle: the answer codes (indicator or measure codes of the period) assigned to the unit, the only ones it may answer (GET /assignments shows the set). null for a reporter’s own report and for a unit whose reporter assigns nothing',
  })
  assignedCodes: string[] | null;
}

export class CompiledFromView {
  @ApiProperty({ format: 'uuid', description: 'The unit’s approved submission' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: [String], example: ['K1.S1'], description: 'The indicators whose answers came from this unit' }) indicatorCodes: string[];
  @ApiProperty({ description: 'How many of its accepted documents were attached' }) documents: number;
}

export class CompiledSubmissionView extends SubmissionView {
  @ApiProperty({ type: [CompiledFromView] }) compiledFrom: CompiledFromView[];
}

/** A listing cursor: the last row's creation instant to the microsecond and its id. */
const CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURSOR_EXAMPLE = '2026-08-03T02:15:07.123456Z_3f0c8a52-6d1e-4b7a-9c41-2a7e5d9b0c13';

export function submissionCursor(row: { position: string; id: string }): string {
  return `${row.position}_${row.id}`;
}

export function parseSubmissionCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = cursor.split('_');
  if (Number.isNaN(Date.parse(createdAt))) throw ApiError.badRequest('submission.cursorInvalid');
  return { createdAt, id };
}

export class ListSubmissionsQuery {
  @ApiPropertyOptional({ enum: Programme }) @IsOptional() @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } }) programme?: Programme;
  @ApiPropertyOptional({ example: '2026-B08' }) @IsOptional() @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } }) periodKey?: string;
  @ApiPropertyOptional({ enum: SubmissionStatus }) @IsOptional() @IsEnum(SubmissionStatus, { context: { values: Object.values(SubmissionStatus).join(', ') } }) status?: SubmissionStatus;
  @ApiPropertyOptional({ enum: ReviewStage, description: 'Only submissions IN_REVIEW waiting at this stage, e.g. CENTRAL: the centre’s national queue' })
  @IsOptional()
  @IsEnum(ReviewStage, { context: { values: Object.values(ReviewStage).join(', ') } })
  reviewStage?: ReviewStage;
  @ApiPropertyOptional({ format: 'uuid', description: 'The reporting unit' }) @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } }) provinceCode?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; the next page starts after it', example: CURSOR_EXAMPLE })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { context: { example: CURSOR_EXAMPLE } })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 50;
}

/** A submission as a listing shows it: without answers, documents and scores (GET /submissions/{id} has them). */
export class SubmissionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '64', description: 'The province of a province’s or regency/city’s report; null for a K/L report' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71', description: 'The regency/city; null for a province’s or a ministry’s report' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ nullable: true, enum: ['KL', 'PROVINCE', 'KABKOTA', null], description: 'The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter' })
  reporterLevel: RanhamReporterLevel | null;
  @ApiProperty({ enum: Programme }) programme: Programme;
  @ApiProperty({ example: '2026-B08' }) periodKey: string;
  @ApiProperty({ enum: SubmissionStatus }) status: SubmissionStatus;
  @ApiProperty({ nullable: true, enum: [...Object.values(ReviewStage), null], description: 'While IN_REVIEW: the stage whose turn it is' }) reviewStage: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty() submitCount: number;
  @ApiProperty() late: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'A duplicate settled by the one-report-a-year rule: the report kept' })
  supersededBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class SubmissionPage {
  @ApiProperty({ type: [SubmissionSummary] }) items: SubmissionSummary[];
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next (older) submissions; null on the last page', example: CURSOR_EXAMPLE })
  nextCursor: string | null;
}
