import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN, Role } from '@peduli/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy, ValidateNested } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class RoleAssignmentBody {
  @ApiProperty({ enum: Role }) @IsEnum(Role, { context: { values: Object.values(Role).join(', ') } }) role: Role;
  @ApiPropertyOptional({ example: '64' }) @IsOptional() @Matches(PROVINCE_CODE_PATTERN, { context: { example: '64' } }) provinceCode?: string;
  @ApiPropertyOptional({ example: '64.71' }) @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') organisationId?: string;
}

export class CreateUserBody {
  @ApiProperty({ example: 'operator.dinkes@balikpapan.go.id' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) @IsString() @MinLength(2) @MaxLength(120) displayName: string;
  /**
   * No longer accepted: whoever knows a password chosen for someone else can act as them. The owner sets it from the
   * invitation mailed to them; declared only so that sending one gets a problem that says so.
   */
  @ApiHideProperty()
  @ValidateBy({ name: 'invitationOnly', validator: { validate: (value: unknown) => value === undefined || value === null, defaultMessage: () => 'password is no longer accepted: new accounts get an email invitation to set their own password' } })
  password?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional({ enum: ['id', 'en'], default: 'id' }) @IsOptional() @IsIn(['id', 'en']) locale?: 'id' | 'en';
  @ApiPropertyOptional({ type: [RoleAssignmentBody] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentBody)
  roles?: RoleAssignmentBody[];
}

export class UpdateUserBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(120) displayName?: string;
  @ApiPropertyOptional({ enum: ['id', 'en'] }) @IsOptional() @IsIn(['id', 'en']) locale?: 'id' | 'en';
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') organisationId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } }) regionCode?: string;
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role, { context: { values: Object.values(Role).join(', ') } }) role?: Role;
}

export class RoleAssignmentView {
  @ApiProperty({ format: 'uuid', description: 'The assignment’s id, to take the role away' }) id: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String, example: '64' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'operator.dinkes@balikpapan.go.id' }) email: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) displayName: string;
  @ApiProperty({ example: 'id', description: 'The language of the account’s mails: id or en' }) locale: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Invited, and the owner has not set a password yet' }) invitationPending: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ type: [RoleAssignmentView] }) roles: RoleAssignmentView[];
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty({ type: 'integer', example: 1 }) page: number;
  @ApiProperty({ type: 'integer', example: 50 }) pageSize: number;
  @ApiProperty({ type: 'integer', description: 'Accounts matching, over all pages' }) total: number;
}
