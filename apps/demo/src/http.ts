import { DemoFailure } from './failure';
import type { Lang } from './options';

export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
  problems?: { field: string; problem: string }[];
}

export interface Reply<T> {
  status: number;
  body: T;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  /** A raw body with its Content-Type (a framework file, a multipart form). */
  body?: string | FormData;
  contentType?: string;
  /** Statuses that are the story's expected outcome; anything else fails the demo. Default: any 2xx. */
  expect?: number | readonly number[];
}

/** An evidence file as a unit uploads it. */
export interface Upload {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** The API's own words for a refusal: its message and each field's problem. */
export function describeError(body: unknown): string[] {
  if (!body || typeof body !== 'object') return body ? [String(body).slice(0, 300)] : [];
  const error = body as ApiErrorBody;
  return [error.message ?? error.error ?? JSON.stringify(body).slice(0, 300), ...(error.problems ?? []).map((p) => `${p.field}: ${p.problem}`)];
}

/**
 * The API over HTTP, as any client calls it: JSON in and out, a bearer token, the story's language in
 * Accept-Language. A status the story did not expect fails the demo with the API's own message.
 */
export class Api {
  constructor(
    readonly origin: string,
    readonly lang: Lang,
  ) {}

  /** An address on the API's origin, as given (/api/docs, /health/ready, /admin/queues). */
  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'accept-language': this.lang, accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.contentType) {
      headers['content-type'] = options.contentType;
    }
    let response: Response;
    try {
      response = await fetch(this.url(`/api/v1${path}`), { method, headers, body, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new DemoFailure(
        this.lang === 'id'
          ? `API tidak dapat dihubungi di ${this.origin} (${cause}). Apakah \`npm start\` berjalan di terminal lain?`
          : `Cannot reach the API at ${this.origin} (${cause}). Is \`npm start\` running in another terminal?`,
        [`${method} ${path}`],
      );
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const expected = options.expect === undefined ? null : ([] as number[]).concat(options.expect);
    const fine = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
    if (!fine) {
      throw new DemoFailure(
        this.lang === 'id'
          ? `${method} ${path} menjawab ${response.status}${expected ? `, padahal yang diharapkan ${expected.join(' atau ')}` : ''}`
          : `${method} ${path} answered ${response.status}${expected ? ` where ${expected.join(' or ')} was expected` : ''}`,
        describeError(parsed),
      );
    }
    return { status: response.status, body: parsed as T };
  }
}

/** A signed-in person: every call carries their token. */
export class Session {
  constructor(
    readonly api: Api,
    readonly email: string,
    readonly token: string,
  ) {}

  async get<T>(path: string, expect?: CallOptions['expect']): Promise<T> {
    return (await this.api.call<T>('GET', path, { token: this.token, expect })).body;
  }

  async post<T>(path: string, json: unknown = {}, expect?: CallOptions['expect']): Promise<T> {
    return (await this.api.call<T>('POST', path, { token: this.token, json, expect })).body;
  }

  async put<T>(path: string, json: unknown, expect?: CallOptions['expect']): Promise<T> {
    return (await this.api.call<T>('PUT', path, { token: this.token, json, expect })).body;
  }

  async patch<T>(path: string, json: unknown, expect?: CallOptions['expect']): Promise<T> {
    return (await this.api.call<T>('PATCH', path, { token: this.token, json, expect })).body;
  }

  /** The whole reply, for calls whose refusal is the point (e.g. submitting after the deadline). */
  call<T>(method: string, path: string, options: Omit<CallOptions, 'token'> = {}): Promise<Reply<T>> {
    return this.api.call<T>(method, path, { ...options, token: this.token });
  }

  /** A multipart upload, streamed by fetch like a browser form. */
  async upload<T>(path: string, fields: Record<string, string>, file: Upload): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('file', new Blob([file.bytes], { type: file.mime }), file.name);
    return (await this.api.call<T>('POST', path, { token: this.token, body: form })).body;
  }
}

/** A list the API answers either as an array or as a page of items. */
export function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}
