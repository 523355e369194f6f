import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The password policy of every way a password is set: as long as a sentence, never an upper limit that matters. */
const PASSWORD_DESCRIPTION = 'At least 12 characters';

export class ChangePasswordBody {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1024) currentPassword: string;
  @ApiProperty({ description: PASSWORD_DESCRIPTION }) @IsString() @MinLength(12) @MaxLength(1024) newPassword: string;
  @ApiPropertyOptional({ description: 'This client’s refresh token: its session is kept, every other session of the account ends' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class PasswordResetRequestBody {
  @ApiProperty({ example: 'operator.dinkes@balikpapan.go.id' }) @IsEmail() @MaxLength(254) email: string;
}

export class TokenPasswordBody {
  @ApiProperty({ description: 'The token from the link in the email (after #token=)' })
  @IsString()
  @Matches(/^pac_[A-Za-z0-9_-]{43}$/, { context: { example: 'pac_…' } })
  token: string;

  @ApiProperty({ description: PASSWORD_DESCRIPTION }) @IsString() @MinLength(12) @MaxLength(1024) password: string;
}

export class PasswordResetRequestedView {
  @ApiProperty({ description: 'The same answer whether or not the address has an account' }) message: string;
}

export class InvitationAcceptedView {
  @ApiProperty({ description: 'The address to sign in with' }) email: string;
}
