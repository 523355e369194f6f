import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiConfig } from '@peduli/config';
import type { Response } from 'express';
import { ApiErrors, ErrorResponse } from '../common/api-docs';
import { ApiError } from '../common/api-error';
import { API_CONFIG } from '../infrastructure/tokens';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { MeView, RefreshBody, SignInBody, TokenPairView } from './auth.dto';
import { AuthenticationService } from './authentication.service';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import { ANY_SIGNED_IN, AuthenticatedRequest, CurrentPrincipal, Principal, Public, RequirePermission } from './principal';
import { SignInService, SignInThrottledError } from './sign-in.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly authentication: AuthenticationService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** In cookie mode the refresh token goes into the HttpOnly cookie and never into a body a script could read. */
  private answer(pair: TokenPairView, cookie: boolean, request: AuthenticatedRequest, response: Response): TokenPairView {
    if (!cookie) return pair;
    setRefreshCookie(request, response, pair.refreshToken!, this.config.REFRESH_TOKEN_TTL_DAYS);
    const { refreshToken: _inCookie, ...rest } = pair;
    return rest;
  }

  /** The body's refresh token, else the cookie's; `fromCookie` says which, so the answer keeps the same mode. */
  private presentedRefreshToken(body: RefreshBody, request: AuthenticatedRequest): { token: string; fromCookie: boolean } {
    if (body.refreshToken) return { token: body.refreshToken, fromCookie: false };
    const cookie = refreshCookieOf(request);
    if (cookie) return { token: cookie, fromCookie: true };
    throw new ApiError(HttpStatus.BAD_REQUEST, 'auth.refreshMissing', {}, [
      { field: 'refreshToken', constraint: 'isDefined', fallback: 'refreshToken is required unless the refresh cookie is sent' },
    ]);
  }

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
      const pair = await this.signIn.signIn(body.email, body.password, request.ip, request.id ?? null);
      return this.answer(pair, body.cookie === true, request, response);
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
  async refresh(
    @Body() body: RefreshBody,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPairView> {
    const { token, fromCookie } = this.presentedRefreshToken(body, request);
    try {
      return this.answer(await this.signIn.refresh(token, request.id ?? null), fromCookie, request, response);
    } catch (error) {
      // A dead cookie would otherwise be sent (and refused) on every page load.
      if (fromCookie) clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the refresh token and every token of its session family' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400, 429)
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown or already revoked', type: ErrorResponse })
  async logout(
    @Body() body: RefreshBody,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { token, fromCookie } = this.presentedRefreshToken(body, request);
    if (fromCookie) clearRefreshCookie(request, response);
    await this.signIn.signOut(token, request.id ?? null);
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
