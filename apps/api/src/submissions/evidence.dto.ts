import { ApiProperty } from '@nestjs/swagger';
import { DocumentType } from '@peduli/domain';
import { IsEnum } from 'class-validator';

export class EvidenceFields {
  @ApiProperty({ enum: DocumentType, description: 'What kind of supporting document this is' })
  @IsEnum(DocumentType, { context: { values: Object.values(DocumentType).join(', ') } })
  documentType: DocumentType;
}

export class EvidenceUploadForm {
  @ApiProperty({ type: 'string', format: 'binary' }) file: unknown;
  @ApiProperty({ enum: DocumentType }) documentType: DocumentType;
}
