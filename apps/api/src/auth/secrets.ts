import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_TOKEN_PREFIX = 'prt_';
export const API_TOKEN_PREFIX = 'pdl_';

/** A fresh opaque token: a recognisable prefix and 256 random bits. */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Opaque tokens are stored as SHA-256: they are long and random, so a slow hash adds nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
