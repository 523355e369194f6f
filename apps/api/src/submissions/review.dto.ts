import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewDecision } from '@peduli/db';
import { Answers, isIndicatorCode, ReturnReason, ReturnTarget, ReviewStage } from '@peduli/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { IsAnswers } from './submissions.dto';

const REASONS = { context: { values: Object.values(ReturnReason).join(', ') } };

/** Rejections map indicator (or action) codes to a return reason: those answers score 0. */
function IsRejections(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRejections',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown) {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return entries.length <= 500 && entries.every(([code, reason]) => isIndicatorCode(code) && (Object.values(ReturnReason) as unknown[]).includes(reason));
        },
        defaultMessage: () => `rejections must map indicator codes to one of ${Object.values(ReturnReason).join(', ')}`,
      },
    });
}

export class ApproveBody {
  @ApiPropertyOptional({ example: 'Sudah sesuai.' }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;

  @ApiPropertyOptional({
    description:
      'KANWIL and CENTRAL stages only: values that count instead of the self-assessed ones (both are kept). The Kanwil’s are a proposal the centre sees; the centre’s are final. Given, they replace the earlier stage’s set; left out, the earlier set stands.',
    example: { 'K6.P1': 40 },
  })
  @IsOptional()
  @IsAnswers()
  verifiedAnswers?: Answers;

  @ApiPropertyOptional({
    description: 'KANWIL and CENTRAL stages only: answers that do not hold up, with the reason; they score 0. Replaces or keeps the earlier set as verifiedAnswers does.',
    example: { 'K2.S1': 'MISSING_SIGNATURE_OR_LETTERHEAD' },
  })
  @IsOptional()
  @IsRejections()
  rejections?: Record<string, ReturnReason>;
}

export class ReturnReasonItem {
  @ApiProperty({ enum: ReturnReason }) @IsEnum(ReturnReason, REASONS) code: ReturnReason;
  @ApiPropertyOptional({ example: 'K6.P1', description: 'The indicator or action the reason is about' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  indicatorCode?: string;
}

export class ReturnBody {
  @ApiProperty({ type: [ReturnReasonItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReturnReasonItem)
  reasons: ReturnReasonItem[];

  @ApiProperty({ example: 'Notulen rapat koordinasi belum dilampirkan.' }) @IsString() @MinLength(3) @MaxLength(2000) comment: string;

  @ApiPropertyOptional({
    enum: ReturnTarget,
    default: ReturnTarget.REPORTER,
    description: 'REPORTER: the report is RETURNED for the reporter to correct. KANWIL (from the CENTRAL stage only, not for a K/L report): back to the Kanwil’s review, still IN_REVIEW',
  })
  @IsOptional()
  @IsEnum(ReturnTarget, { context: { values: Object.values(ReturnTarget).join(', ') } })
  returnTo?: ReturnTarget;
}

export class ReviewReasonView {
  @ApiProperty({ enum: ReturnReason }) code: ReturnReason;
  @ApiPropertyOptional({ example: 'K6.P1' }) indicatorCode?: string;
  @ApiProperty({ description: 'The reason in the request’s language' }) message: string;
}

export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Which submission round the decision was about' }) submitCount: number;
  @ApiProperty({ enum: ReviewStage }) stage: string;
  @ApiProperty({ enum: ReviewDecision }) decision: string;
  @ApiProperty({ nullable: true, enum: [...Object.values(ReturnTarget), null], description: 'A return’s target: the reporter, or (from the centre) the Kanwil' })
  returnTo: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string', nullable: true }] },
    description: 'The verified values this approval set (the Kanwil’s proposal or the centre’s final set)',
  })
  verifiedAnswers: Answers | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'string', enum: Object.values(ReturnReason) }, description: 'The rejections this approval set' })
  rejections: Record<string, ReturnReason> | null;
  @ApiProperty({ type: [ReviewReasonView] }) reasons: ReviewReasonView[];
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reviewerId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
