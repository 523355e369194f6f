import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Answers,
  isIndicatorCode,
  Programme,
  REGION_CODE_PATTERN,
  SubmissionStatus,
} from '@peduli/domain';
import { DocumentView } from './evidence.dto';
import { IsEmail, IsEnum, IsOptional, IsUUID, Matches, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';

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
  @ApiProperty({ example: '64.71', description: 'Official regency/city code' })
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode: string;

  @ApiProperty({ enum: Programme })
  @IsEnum(Programme, { context: { values: Object.values(Programme).join(', ') } })
  programme: Programme;

  @ApiProperty({ example: '2026-B08', description: 'Year and period code: 2026-B04/B08/B12 (RANHAM) or 2026-TAHUNAN (KKP HAM)' })
  @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-B08' } })
  periodKey: string;

  @ApiPropertyOptional({ description: 'The reporting unit (an organisation in this regency/city); omit for the regency/city as a whole' })
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
}


export class ScoreView {
  @ApiProperty() id: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty() basis: string;
  @ApiProperty() total: number;
  @ApiProperty() band: string;
  @ApiProperty() createdAt: string;
}

export { DocumentView } from './evidence.dto';

export class SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ enum: Programme }) programme: Programme;
  @ApiProperty() periodKey: string;
  @ApiProperty({ enum: SubmissionStatus }) status: SubmissionStatus;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Answers;
  @ApiProperty({ nullable: true, type: String, description: 'While IN_REVIEW: the stage whose turn it is' }) reviewStage: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Values the Kanwil set; they count instead of the answers' }) verifiedAnswers: Answers;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Answers the Kanwil rejected, with the reason code' }) rejections: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() submitCount: number;
  @ApiProperty({ description: 'Submitted after the unit’s deadline, within an extension (server time)' }) late: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Problems of the submission as a whole from the document check, e.g. INDICATOR_EVIDENCE_MISSING' })
  checkProblems: { code: string; indicatorCode?: string; message: { id: string; en: string } }[];
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
  @ApiProperty({ type: [ScoreView] }) scores: ScoreView[];
}
