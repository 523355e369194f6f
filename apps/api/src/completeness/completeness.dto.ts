import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompletenessStatus } from '@peduli/domain';
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
  @ApiProperty({ type: [CompletenessRow] }) units: CompletenessRow[];
}
