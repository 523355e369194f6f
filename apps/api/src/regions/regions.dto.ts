import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IndonesianTimeZone, PROVINCE_CODE_PATTERN, RegionKind } from '@peduli/domain';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class RegionQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Two-digit province code, e.g. 64 (Kalimantan Timur)', example: '64' })
  @IsOptional()
  @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } })
  province?: string;

  @ApiPropertyOptional({ enum: RegionKind })
  @IsOptional()
  @IsEnum(RegionKind, { context: { values: Object.values(RegionKind).join(', ') } })
  kind?: RegionKind;

  @ApiPropertyOptional({ enum: IndonesianTimeZone })
  @IsOptional()
  @IsEnum(IndonesianTimeZone, { context: { values: Object.values(IndonesianTimeZone).join(', ') } })
  timeZone?: IndonesianTimeZone;
}

export class RegionView {
  @ApiProperty({ example: '64.71' }) code: string;
  @ApiProperty({ example: 'Kota Balikpapan' }) name: string;
  @ApiProperty({ enum: RegionKind }) kind: RegionKind;
  @ApiProperty({ example: '64' }) provinceCode: string;
  @ApiProperty({ example: 'Kalimantan Timur' }) provinceName: string;
  @ApiProperty({ enum: IndonesianTimeZone }) timeZone: IndonesianTimeZone;
  @ApiProperty({ example: 'Asia/Makassar' }) ianaZone: string;
}

export class RegionPage {
  @ApiProperty({ type: [RegionView] }) items: RegionView[];
  @ApiProperty({ type: 'integer', example: 1 }) page: number;
  @ApiProperty({ type: 'integer', example: 50 }) pageSize: number;
  @ApiProperty({ type: 'integer', description: 'Regencies and cities matching, over all pages' }) total: number;
}
