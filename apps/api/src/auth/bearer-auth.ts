import type { DocumentBuilder } from '@nestjs/swagger';

type SecuritySchemeObject = NonNullable<Parameters<DocumentBuilder['addBearerAuth']>[0]>;

/**
 * The one place the document explains authentication: the `bearer` security scheme every protected operation refers
 * to. Pass it to `DocumentBuilder.addBearerAuth`.
 */
export const BEARER_AUTH: SecuritySchemeObject = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT or API token',
  description: [
    'Send `Authorization: Bearer <token>` with every call outside the public ones (sign-in, password reset, regions, health).',
    '',
    '**People** sign in with `POST /api/v1/auth/login` (`{"email", "password"}`) and get an `accessToken` (valid for',
    '`expiresIn` seconds, 15 minutes by default) and a single-use `refreshToken`. Before the access token expires,',
    '`POST /api/v1/auth/refresh` exchanges the refresh token for a new pair; `POST /api/v1/auth/logout` ends the session.',
    'New accounts have no password until their owner accepts the mailed invitation.',
    '',
    '**Machines** (integrations, scheduled jobs) use an API token instead: a national admin creates one with',
    '`POST /api/v1/api-tokens` (one role over one scope; the `pdl_…` token is shown only in that response) and it works',
    'until revoked, with no refresh.',
    '',
    'Without a valid token the answer is 401; with a token whose roles do not allow the call here, 403 (or 404 for a',
    'record outside the caller’s scope, so other tenants’ ids stay hidden).',
  ].join('\n'),
};
