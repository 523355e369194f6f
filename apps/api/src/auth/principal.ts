import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@peduli/db';
import type { Permission, RoleAssignmentGrant } from '@peduli/domain';
import type { Request } from 'express';

/** Who is calling: a signed-in user or an API token, with every role it holds and where. */
export interface Principal {
  actor: Actor;
  userId: string | null;
  grants: RoleAssignmentGrant[];
}

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string };

export const IS_PUBLIC = 'peduli:public';
export const REQUIRED_PERMISSION = 'peduli:permission';
/** Any signed-in caller (e.g. "who am I"), whatever its roles. */
export const ANY_SIGNED_IN = 'signed-in';

/** Open to everyone, signed in or not: reference data, health, sign-in itself. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission a route needs; where it applies is checked against the target's scope in the handler. */
export const RequirePermission = (permission: Permission | typeof ANY_SIGNED_IN) => SetMetadata(REQUIRED_PERMISSION, permission);

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The audit context of a request: who acted, and the request id that ties the audit row to the logs. */
export interface RequestActor {
  actor: Actor;
  requestId: string | null;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentActor used on a public route');
  return { actor: request.principal.actor, requestId: request.id ?? null };
});
