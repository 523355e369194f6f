import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination';

export const PRINTED_REPORT_KINDS = ['KKP_SCORE_REPORT', 'RANHAM_PERIOD_REPORT', 'RANHAM_YEAR_SUMMARY', 'CERTIFICATE'] as const;
export type PrintedReportKindName = (typeof PRINTED_REPORT_KINDS)[number];
/** Certificates are made when a decree is recorded, never on request. */
export const REQUESTABLE_KINDS = ['KKP_SCORE_REPORT', 'RANHAM_PERIOD_REPORT', 'RANHAM_YEAR_SUMMARY'] as const;

export class CreatePrintedReportBody {
  @ApiProperty({ enum: REQUESTABLE_KINDS, example: 'KKP_SCORE_REPORT', description: 'Certificates are made when the decree is recorded' })
  @IsIn(REQUESTABLE_KINDS)
  kind: (typeof REQUESTABLE_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c1f9e-8a51-4d7b-9a3c-2f6a1f0e9b11', description: 'The scored report (KKP_SCORE_REPORT, RANHAM_PERIOD_REPORT)' })
  @IsOptional()
  @IsUUID('4')
  submissionId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '7b2d0c4e-1f3a-4e8b-b6a2-9c1d2e3f4a5b', description: 'The RANHAM cycle (RANHAM_YEAR_SUMMARY)' })
  @IsOptional()
  @IsUUID('4')
  cycleId?: string;

  @ApiPropertyOptional({ example: '64.71', description: 'A regency/city reporter (RANHAM_YEAR_SUMMARY)' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', example: 'c0a8012e-0000-4000-8000-000000000001', description: 'A ministry or a province’s Biro Hukum (RANHAM_YEAR_SUMMARY)' })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;
}

export class PrintedReportQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '7b2d0c4e-1f3a-4e8b-b6a2-9c1d2e3f4a5b', description: 'Documents of this cycle (its year’s reports and its certificates)' })
  @IsOptional()
  @IsUUID('4')
  cycleId?: string;

  @ApiPropertyOptional({ example: '64.71' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { context: { example: '64.71' } })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', example: 'c0a8012e-0000-4000-8000-000000000001' })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;

  @ApiPropertyOptional({ enum: PRINTED_REPORT_KINDS, example: 'CERTIFICATE' })
  @IsOptional()
  @IsIn(PRINTED_REPORT_KINDS)
  kind?: PrintedReportKindName;
}

/** A printed document asked for: PENDING until the report worker has made it, then READY for download (or FAILED). */
export class PrintedReportView {
  @ApiProperty({ format: 'uuid', example: '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e' }) id: string;
  @ApiProperty({ enum: PRINTED_REPORT_KINDS, example: 'KKP_SCORE_REPORT' }) kind: PrintedReportKindName;
  @ApiProperty({ enum: ['PENDING', 'READY', 'FAILED'], example: 'READY' }) status: 'PENDING' | 'READY' | 'FAILED';
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '3f0c1f9e-8a51-4d7b-9a3c-2f6a1f0e9b11' }) submissionId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '7b2d0c4e-1f3a-4e8b-b6a2-9c1d2e3f4a5b' }) cycleId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '64' }) provinceCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '64.71' }) regionCode: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null }) organisationId: string | null;
  @ApiProperty({ example: 'Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf', description: 'The name the download is saved under' }) fileName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '9f2b5c0d4e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
    description: 'SHA-256 of the document’s data, stamped on every page; null until READY',
  })
  contentHash: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 48213 }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it could not be made, when FAILED' }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-10T03:15:00.000Z' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-12-10T03:15:02.000Z' }) readyAt: string | null;
}

export class PrintedReportPage {
  @ApiProperty({ type: [PrintedReportView] }) items: PrintedReportView[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 1 }) total: number;
}
