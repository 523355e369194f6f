import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { holdsPermission, Permission } from '@peduli/domain';
import { ApiError } from '../common/api-error';
import { AuthenticationService } from './authentication.service';
import { ANY_SIGNED_IN, AuthenticatedRequest, IS_PUBLIC, REQUIRED_PERMISSION } from './principal';

/**
 * Deny by default: a route is reachable only if it is marked @Public() or names the permission it needs. A route
 * without either is refused for everyone, so forgetting a rule closes a door instead of opening it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authentication.authenticate(request.headers.authorization);

    const permission = this.reflector.getAllAndOverride<Permission | typeof ANY_SIGNED_IN | undefined>(REQUIRED_PERMISSION, targets);
    if (permission === undefined) throw new ApiError(HttpStatus.FORBIDDEN, 'access.noRule');
    if (permission === ANY_SIGNED_IN) return true;
    if (!holdsPermission(request.principal.grants, permission)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    return true;
  }
}
