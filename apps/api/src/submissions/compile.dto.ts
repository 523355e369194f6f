import { ApiProperty } from '@nestjs/swagger';
import { REGION_CODE_PATTERN } from '@peduli/domain';
import { Matches } from 'class-validator';

export class CompileBody {
  @ApiProperty({ example: '64.71' }) @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode: string;
  @ApiProperty({ example: '2026-TAHUNAN' }) @Matches(/^\d{4}-[A-Z][A-Z0-9_]{1,15}$/, { context: { example: '2026-TAHUNAN' } }) periodKey: string;
}
