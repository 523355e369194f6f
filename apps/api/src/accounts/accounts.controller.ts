import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthThrottlerGuard } from '../auth/auth-throttler.guard';
import type { Request } from 'express';
import { ANY_SIGNED_IN, AuthenticatedRequest, CurrentActor, CurrentPrincipal, Principal, Public, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors, ErrorResponse } from '../common/api-docs';
import { translate } from '../common/messages';
import { localeOf } from '../common/request-context';
import { AccountsService } from './accounts.service';
import { ChangePasswordBody, InvitationAcceptedView, PasswordResetRequestBody, PasswordResetRequestedView, TokenPasswordBody } from './accounts.dto';

/**
 * The signed-in person's own account, and the links mailed to people who cannot sign in yet. Rate-limited like
 * sign-in, by the same guard: per client address.
 */
@ApiTags('account')
@Controller('account')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('password')
  @RequirePermission(ANY_SIGNED_IN)
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your own password (the current one is required); every other session of the account ends',
    description: 'Send this client’s refresh token to keep its session; without it, every session ends.',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({ description: 'The current password is wrong, or the new one is too short', type: ErrorResponse })
  @ApiErrors(401, 403, 429)
  async changePassword(@Body() body: ChangePasswordBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<void> {
    await this.accounts.changePassword(principal, body, actor);
  }

  @Post('password-reset')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password-reset link by email (valid 30 minutes); the same answer whether or not the address has an account' })
  @ApiAcceptedResponse({ type: PasswordResetRequestedView })
  @ApiErrors(400)
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address', type: ErrorResponse })
  async requestReset(@Body() body: PasswordResetRequestBody, @Req() request: AuthenticatedRequest): Promise<PasswordResetRequestedView> {
    await this.accounts.requestPasswordReset(body.email, request.id ?? null);
    return { message: translate('account.resetRequested', localeOf(request as Request)) };
  }

  @Post('password-reset/confirm')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the token from a reset link; the token is used up and every session ends' })
  @ApiNoContentResponse({ description: 'The new password is set' })
  @ApiBadRequestResponse({ description: 'The token was used, has expired or is wrong, or the password is too short', type: ErrorResponse })
  @ApiErrors(429)
  async confirmReset(@Body() body: TokenPasswordBody, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.accounts.confirmPasswordReset(body.token, body.password, request.id ?? null);
  }

  @Post('invitations/accept')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Set your first password with the token from an invitation; the account becomes active' })
  @ApiOkResponse({ type: InvitationAcceptedView })
  @ApiBadRequestResponse({ description: 'The token was used, has expired or is wrong, or the password is too short', type: ErrorResponse })
  @ApiErrors(429)
  acceptInvitation(@Body() body: TokenPasswordBody, @Req() request: AuthenticatedRequest): Promise<InvitationAcceptedView> {
    return this.accounts.acceptInvitation(body.token, body.password, request.id ?? null);
  }
}
