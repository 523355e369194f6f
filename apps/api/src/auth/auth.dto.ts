import { ApiProperty } from '@nestjs/swagger';
import { ActorType } from '@peduli/db';
import { Role } from '@peduli/domain';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInBody {
  @ApiProperty({ example: 'admin@peduli.local' })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'kata-sandi-rahasia' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @ApiProperty({
    required: false,
    description:
      'For the web app: true puts the refresh token in an HttpOnly, SameSite=Strict cookie (Path=/api/v1/auth) ' +
      'instead of the body, so no script can read it',
  })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class RefreshBody {
  @ApiProperty({ required: false, description: 'The refresh token from sign-in or the last refresh; leave it out when the browser sends the refresh cookie' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairView {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' }) tokenType: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires', example: 900 }) expiresIn: number;
  @ApiProperty({ required: false, description: 'Single use: each refresh returns a new one. Absent in cookie mode, where the cookie carries it' })
  refreshToken?: string;
}

export class ActorView {
  @ApiProperty({ enum: ActorType, description: 'USER for a signed-in account, API_TOKEN for a machine' }) type: ActorType;
  @ApiProperty({ nullable: true, type: String, description: 'The account id or the API token id' }) id: string | null;
}

export class ScopeView {
  @ApiProperty({ nullable: true, type: String, example: '64' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '64.71' }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
}

export class GrantView {
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ type: ScopeView, description: 'Where the role applies; all null for a national role' }) scope: ScopeView;
}

export interface MeUserView {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  organisationId: string | null;
}

export class MeView {
  @ApiProperty({ type: ActorView }) actor: ActorView;
  // Written out rather than as a reference: OpenAPI 3.0 cannot make a referenced schema nullable in a way JSON Schema
  // validators (and generated clients) agree on, while an inline object with `nullable` is read the same by all.
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Null when the caller is an API token',
    properties: {
      id: { type: 'string', format: 'uuid' },
      email: { type: 'string' },
      displayName: { type: 'string' },
      locale: { type: 'string', example: 'id', description: 'The language of the account’s mails: id or en' },
      organisationId: { type: 'string', format: 'uuid', nullable: true },
    },
    required: ['id', 'email', 'displayName', 'locale', 'organisationId'],
  })
  user: MeUserView | null;
  @ApiProperty({ type: [GrantView] }) roles: GrantView[];
}
