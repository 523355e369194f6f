import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, ErrorResponse } from '../common/api-docs';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { MeView, RefreshBody, SignInBody, TokenPairView } from './auth.dto';
import { AuthenticationService } from './authentication.service';
import { ANY_SIGNED_IN, AuthenticatedRequest, CurrentPrincipal, Principal, Public, RequirePermission } from './principal';
import { SignInService, SignInThrottledError } from './sign-in.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly authentication: AuthenticationService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password: a short-lived access token and a single-use refresh token' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiErrors(400)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for unknown addresses)', type: ErrorResponse })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests or failed sign-ins from this address, or too many failures for this email from this address; Retry-After says when to try again',
    type: ErrorResponse,
  })
  async login(
    @Body() body: SignInBody,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPairView> {
    try {
      return await this.signIn.signIn(body.email, body.password, request.ip, request.id ?? null);
    } catch (error) {
      if (error instanceof SignInThrottledError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused refresh token ends its whole session family' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiErrors(400, 429)
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown, expired, revoked or was already used, or the account is deactivated', type: ErrorResponse })
  refresh(@Body() body: RefreshBody, @Req() request: AuthenticatedRequest): Promise<TokenPairView> {
    return this.signIn.refresh(body.refreshToken, request.id ?? null);
  }

  @Post('logout')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the refresh token and every token of its session family' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400, 429)
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown or already revoked', type: ErrorResponse })
  async logout(@Body() body: RefreshBody, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.signIn.signOut(body.refreshToken, request.id ?? null);
  }

  @Get('me')
  @RequirePermission(ANY_SIGNED_IN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account (or API token) and every role it holds, with its scope' })
  @ApiOkResponse({ type: MeView })
  @ApiErrors(401)
  me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.authentication.describe(principal);
  }
}
