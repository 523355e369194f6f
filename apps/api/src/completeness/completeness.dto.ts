import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompletenessStatus, ReviewStage } from '@peduli/domain';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class CompletenessQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') cycleId: string;
  @ApiProperty({ example: 'B08' }) @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } }) periodCode: string;
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(/^\d{2}$/, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
}

export class CompletenessRow {
  @ApiProperty({ example: '64.71' }) regionCode: string;
  @ApiProperty({ example: 'Kota Balikpapan' }) regionName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the regency/city’s own report' }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Dinas Sosial Kota Balikpapan' }) organisationName: string | null;
  @ApiProperty({
    enum: CompletenessStatus,
    enumName: 'CompletenessStatus',
    description: 'LATE: the unit still has to act and its own deadline (the internal one for units of a regency/city, with any extension) has passed',
  })
  status: CompletenessStatus;
  @ApiProperty({ description: 'Submitted after the deadline, within an extension' }) late: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submissionId: string | null;
  @ApiProperty({
    nullable: true,
    enum: [...Object.values(ReviewStage), null],
    description: 'While the submission is IN_REVIEW: the stage it waits at (a unit’s input: UNIT_HEAD, COORDINATOR; a reporter’s report: COORDINATOR, KANWIL, CENTRAL)',
  })
  reviewStage: ReviewStage | null;
}

export class CompletenessView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ example: '2026-B08' }) periodKey: string;
  @ApiProperty({ description: 'false while the period has no deadline yet: nobody is LATE then' }) deadlineSet: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Units per status, every status present',
    example: { NOT_STARTED: 3, DRAFT: 1, SUBMITTED: 2, RETURNED: 0, VERIFIED: 0, LATE: 1 },
  })
  totals: Record<CompletenessStatus, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Submissions in review per stage they wait at, every stage present; CENTRAL: waiting for the centre’s verification',
    example: { UNIT_HEAD: 0, COORDINATOR: 1, KANWIL: 2, CENTRAL: 1 },
  })
  awaitingReview: Record<ReviewStage, number>;
  @ApiProperty({ type: [CompletenessRow] }) units: CompletenessRow[];
}
