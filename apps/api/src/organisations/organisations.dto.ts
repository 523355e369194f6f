import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN } from '@peduli/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../common/pagination';

const kinds = { context: { values: Object.values(OrganisationKind).join(', ') } };

export class CreateOrganisationBody {
  @ApiProperty({ enum: OrganisationKind }) @IsEnum(OrganisationKind, kinds) kind: OrganisationKind;
  @ApiProperty({ example: 'Dinas Kesehatan Kota Balikpapan' }) @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '64', description: 'For KANWIL and BIRO_HUKUM, and for an OPD of the province itself (without regionCode)' })
  @IsOptional()
  @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } })
  provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71', description: 'For BAGIAN_HUKUM, OPD, COMPANY, UNIVERSITY and NGO of a regency/city' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The reporting organisation a unit belongs to: required for a DIRECTORATE (its MINISTRY); for a province’s OPD its BIRO_HUKUM, found when omitted',
  })
  @IsOptional()
  @IsUUID('4')
  parentId?: string;
}

export class UpdateOrganisationBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(200) name?: string;
}

export class ReasonBody {
  @ApiPropertyOptional({ example: 'Digabung dengan Dinas Sosial' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class OrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OrganisationKind }) @IsOptional() @IsEnum(OrganisationKind, kinds) kind?: OrganisationKind;
  @ApiPropertyOptional() @IsOptional() @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the units of this reporting organisation' }) @IsOptional() @IsUUID('4') parentId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind }) kind: OrganisationKind;
  @ApiProperty({ example: 'Dinas Kesehatan Kota Balikpapan' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '64', description: 'Null for a national organisation' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71', description: 'Null unless it sits in a regency/city' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The reporting organisation a unit belongs to: a directorate’s ministry, a province OPD’s Biro Hukum' })
  parentId: string | null;
  @ApiProperty({ description: 'False once deactivated' }) active: boolean;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationView] }) items: OrganisationView[];
  @ApiProperty({ type: 'integer', example: 1 }) page: number;
  @ApiProperty({ type: 'integer', example: 50 }) pageSize: number;
  @ApiProperty({ type: 'integer', description: 'Organisations matching, over all pages' }) total: number;
}
