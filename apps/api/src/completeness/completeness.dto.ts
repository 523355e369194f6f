import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompletenessStatus, ReviewStage } from '@peduli/domain';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { LocalisedDeadline } from '../calendar/internal-deadlines.service';

export class CompletenessQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') cycleId: string;
  @ApiProperty({ example: 'B08' }) @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { context: { example: 'B08' } }) periodCode: string;
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(/^\d{2}$/, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A ministry or a Biro Hukum: lists its own report and its units (directorates, province OPD) instead of regencies/cities',
  })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;
}

export class CompletenessRow {
  @ApiProperty({ type: String, nullable: true, example: '64.71', description: 'null: a ministry’s or a province’s report and its units' }) regionCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Kota Balikpapan' }) regionName: string | null;
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
  @ApiProperty({ description: 'The reporter’s own report (a regency/city’s, a ministry’s, a Biro Hukum’s) rather than a unit’s input' }) ownReport: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The unit’s own deadline (internal for units, with any extension) in its zone (WIB for a ministry); null while the period has none',
  })
  deadlineAt: string | null;
  @ApiProperty({ type: LocalisedDeadline, nullable: true, description: 'The same deadline as people read it, with its zone' }) deadline: LocalisedDeadline | null;
  @ApiProperty({ description: 'An extension moved the unit’s deadline later: deadlineAt is the extended one' }) extended: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4,
    description:
      'A reporter’s own row: how many answer codes of the period (indicators, RANHAM measures) none of its units is assigned; null for a unit’s row and for a reporter that assigns nothing. GET /assignments lists the codes (unassignedCodes)',
  })
  unassignedItems: number | null;
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
