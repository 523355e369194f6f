import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

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
}

export class RefreshBody {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'Single use: each refresh returns a new one' }) refreshToken: string;
}
