import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@peduli/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RoleAssignmentBody } from '../users/users.dto';

export class CreateApiTokenBody extends RoleAssignmentBody {
  @ApiProperty({ example: 'Sinkronisasi data Dinas Kesehatan' }) @IsString() @MinLength(3) @MaxLength(120) name: string;
}

export class ApiTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Sinkronisasi data Dinas Kesehatan' }) name: string;
  @ApiProperty({ description: 'The first characters of the token, to recognise it; the token itself is never shown again', example: 'pdl_Xy3kQ9ab' })
  tokenPrefix: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String, example: '64' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'To the minute' }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreatedApiTokenView extends ApiTokenView {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <token>`. Shown only in this response: store it now.' })
  token: string;
}
