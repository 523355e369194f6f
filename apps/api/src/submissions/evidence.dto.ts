import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DocumentStatus, DocumentType, isIndicatorCode, isLocalDeadline } from '@peduli/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, registerDecorator, ValidationOptions } from 'class-validator';

const DOCUMENT_TYPES = { context: { values: Object.values(DocumentType).join(', ') } };

function AreIndicatorCodes(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'areIndicatorCodes',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every((code) => typeof code === 'string' && isIndicatorCode(code)),
        defaultMessage: () => 'indicatorCodes must be indicator (or RANHAM success measure) codes',
      },
    });
}

/** A real YYYY-MM-DD calendar date (2025-02-30 is refused here, not by the database). */
function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isLocalDeadline({ date: value }),
        defaultMessage: () => `${propertyName} must be a real date written YYYY-MM-DD`,
      },
    });
}

/** Multipart form fields arrive as text: a list of indicator codes is sent comma-separated. */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((code) => code.trim()).filter((code) => code.length > 0) : value;

export class EvidenceFields {
  @ApiProperty({ enum: DocumentType, description: 'What kind of supporting document this is' })
  @IsEnum(DocumentType, DOCUMENT_TYPES)
  documentType: DocumentType;

  @ApiPropertyOptional({ example: 'Peraturan Wali Kota tentang Bantuan Hukum' }) @IsOptional() @IsString() @MinLength(3) @MaxLength(300) title?: string;
  @ApiPropertyOptional({ example: 'Perwal No. 12 Tahun 2025' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(120) legalNumber?: string;
  @ApiPropertyOptional({ example: '2025-03-14' }) @IsOptional() @IsCalendarDate() legalDate?: string;
  @ApiPropertyOptional({ example: 'Januari-April 2025' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) periodCovered?: string;

  @ApiPropertyOptional({
    example: 'K1.S1,K1.P1',
    description: 'The indicators (KKP HAM) or success measures (RANHAM, e.g. AKSI-2025-01.B04.1; the action code under a version of the old shape) this document backs, comma-separated',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(200)
  @AreIndicatorCodes()
  indicatorCodes?: string[];
}

export class EvidenceUploadForm extends EvidenceFields {
  @ApiProperty({ type: 'string', format: 'binary' }) file: unknown;
}

export class ReuseEvidenceBody {
  @ApiProperty({ description: 'A document of the same unit, from any of its submissions (any programme)' }) @IsUUID('4') documentId: string;
  @ApiPropertyOptional({ type: [String], example: ['K6.S1'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @AreIndicatorCodes()
  indicatorCodes?: string[];
}

export class DocumentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DocumentType }) documentType: DocumentType;
  @ApiProperty() originalName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) legalNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) legalDate: string | null;
  @ApiProperty({ nullable: true, type: String }) periodCovered: string | null;
  @ApiProperty({ type: [String] }) indicatorCodes: string[];
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: DocumentStatus }) status: DocumentStatus;
  @ApiProperty({ nullable: true, type: String }) sniffedMime: string | null;
  @ApiProperty({ type: [String] }) checkReasons: string[];
  @ApiProperty({ type: [String], description: 'Findings that do not reject the document (e.g. PDF_JAVASCRIPT)' }) checkFlags: string[];
}
