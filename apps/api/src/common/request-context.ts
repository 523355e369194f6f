import type { Request } from 'express';
import { negotiateLocale, Locale } from '@peduli/domain';

export function localeOf(request: Request): Locale {
  return negotiateLocale(request.headers['accept-language']);
}

export function requestIdOf(request: Request): string {
  return String((request as Request & { id?: unknown }).id ?? '');
}
