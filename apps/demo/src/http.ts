import { createPeduliClient, describeApiError, type PeduliClient } from '@peduli/api-client';
import { DemoFailure } from './failure';
import type { Lang } from './options';

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
export const describeError = describeApiError;

/**
 * The API over HTTP, as any client calls it: JSON in and out, a bearer token, the story's language in
 * Accept-Language. A status the story did not expect fails the demo with the API's own message.
 */
export class Api {
  /** The generated client: it sends Accept-Language and knows the document's paths. */
  readonly client: PeduliClient;

  constructor(
    readonly origin: string,
    readonly lang: Lang,
  ) {
    this.client = createPeduliClient({ baseUrl: origin, language: lang });
  }

  /** An address on the API's origin, as given (/api/docs, /health/ready, /admin/queues). */
  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.contentType) {
      headers['content-type'] = options.contentType;
    }
    let reply: { data?: unknown; error?: unknown; response: Response };
    try {
      // The story's paths are concrete (ids and query filled in), which the client passes through unchanged; the
      // types of what comes back are the document's (see api.ts).
      reply = await this.client.request(method.toLowerCase() as 'get', `/api/v1${path}` as '/health', {
        body: body as never,
        bodySerializer: (raw: unknown) => raw as string,
        headers,
        parseAs: 'text',
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new DemoFailure(
        this.lang === 'id'
          ? `API tidak dapat dihubungi di ${this.origin} (${cause}). Apakah \`npm start\` berjalan di terminal lain?`
          : `Cannot reach the API at ${this.origin} (${cause}). Is \`npm start\` running in another terminal?`,
        [`${method} ${path}`],
      );
    }
    const response = reply.response;
    let parsed: unknown = reply.response.ok ? reply.data : reply.error;
    if (typeof parsed === 'string' && (response.headers.get('content-type') ?? '').includes('json') && parsed) {
      try {
        parsed = JSON.parse(parsed);
      } catch {
        // Not JSON after all: the text is the answer.
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
