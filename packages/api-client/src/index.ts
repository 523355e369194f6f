import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every schema of the document by name, e.g. `Schemas['ErrorResponse']`. */
export type Schemas = components['schemas'];

/** The one error body every 4xx/5xx answer carries (the API's ApiExceptionFilter). */
export type ApiErrorBody = components['schemas']['ErrorResponse'];

export type PeduliClient = Client<paths>;

export interface PeduliClientOptions {
  /** The API's origin, e.g. `http://localhost:3000` (the document's paths start with /api/v1). */
  baseUrl: string;
  /** A bearer token (an access token or an API token), or a function asked before each request. */
  token?: string | (() => string | undefined);
  /** The language of messages and errors: Indonesian by default. */
  language?: 'id' | 'en';
  fetch?: ClientOptions['fetch'];
  headers?: Record<string, string>;
}

/**
 * A typed client over the API's OpenAPI document: `client.GET('/api/v1/submissions/{id}', { params: { path: { id } } })`
 * gives `{ data, error, response }` with `data` typed by the documented success answer and `error` by the shared
 * error body.
 */
export function createPeduliClient(options: PeduliClientOptions): PeduliClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch, headers: options.headers });
  client.use({
    onRequest({ request }) {
      const token = typeof options.token === 'function' ? options.token() : options.token;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      if (!request.headers.has('accept-language')) request.headers.set('accept-language', options.language ?? 'id');
      return request;
    },
  });
  return client;
}

/** Whether a value is the API's error body (for `error` of a call, or a body read by hand). */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).statusCode === 'number' &&
    typeof (value as ApiErrorBody).message === 'string'
  );
}

/** The API's own words for a refusal: its message, then each field's problem. */
export function describeApiError(value: unknown): string[] {
  if (isApiErrorBody(value)) return [value.message, ...(value.problems ?? []).map((p) => `${p.field}: ${p.problem}`)];
  if (value === undefined || value === null || value === '') return [];
  return [typeof value === 'string' ? value.slice(0, 300) : JSON.stringify(value).slice(0, 300)];
}

type SuccessOf<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/**
 * The JSON body an operation answers with on success, by path and method:
 * `ResponseBody<'/api/v1/submissions/{id}', 'get'>`.
 */
export type ResponseBody<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = paths[P][M] extends { responses: infer R }
  ? SuccessOf<R> extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;

/** The JSON body an operation takes, by path and method. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
