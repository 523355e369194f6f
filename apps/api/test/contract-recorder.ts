import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/** One JSON answer of the API as the integration suite saw it. */
export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface ContractMismatch {
  operation: string;
  status: number;
  url: string;
  errors: ErrorObject[];
}

/** Operations whose answer (for that status) has no schema yet: only noted, until the document is complete. */
export interface Undocumented {
  operation: string;
  status: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Literal segments first, so `/frameworks/imports` wins over `/frameworks/{id}`. */
  params: number;
  operation: { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
}

const COMPONENTS_ID = 'peduli-openapi';

/**
 * Checks every JSON body the application sends against the OpenAPI document it serves: the suite's real answers are
 * the contract's examples, so a schema that drifts from the server fails the test file that saw it. Schemas are
 * compiled once each, when first needed.
 */
export class ContractRecorder {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction | null>();
  /** Most answers share a schema (every error is an ErrorResponse): each distinct one is compiled once. */
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly mismatches: ContractMismatch[] = [];
  readonly undocumented: Undocumented[] = [];
  /** How many answers were validated against a schema. */
  checked = 0;

  constructor(document: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: rewriteRefs(document.components ?? {}) });
    this.routes = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.entries(item as Record<string, Route['operation']>)
          .filter(([method]) => HTTP_METHODS.has(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}/?$`),
            params: (path.match(/\{/g) ?? []).length,
            operation,
          })),
      )
      .sort((a, b) => a.params - b.params);
  }

  /** Express middleware: sees every body sent with `res.send`/`res.json` (Nest's and the error filter's way). */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      const send = response.send.bind(response);
      let checked = false;
      response.send = (body?: unknown) => {
        try {
          // res.send(object) calls res.json, which calls res.send again with the text: look at the body once.
          if (checked) return send(body);
          checked = true;
          this.check(request, response, body);
        } catch (error) {
          // The recorder must never change what the client receives.
          this.mismatches.push({ operation: '(recorder)', status: response.statusCode, url: request.originalUrl, errors: [{ message: String(error) } as ErrorObject] });
        }
        return send(body);
      };
      next();
    };
  }

  install(app: INestApplication): void {
    app.use(this.middleware());
  }

  private check(request: Request, response: Response, body: unknown): void {
    const type = String(response.getHeader('content-type') ?? '');
    const isObject = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
    if (!isObject && !/\bjson\b/i.test(type)) return;
    const path = request.originalUrl.split('?')[0];
    const route = this.routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (!route) return; // Not an API operation (the docs page, the queue board) or an unknown route's 404.
    const status = response.statusCode;
    const operation = route.operation.operationId ?? `${request.method} ${path}`;
    const validate = this.validatorFor(route, status);
    if (!validate) {
      this.undocumented.push({ operation, status });
      return;
    }
    const parsed = typeof body === 'string' || Buffer.isBuffer(body) ? safeParse(body.toString()) : body;
    this.checked++;
    if (!validate(parsed)) {
      this.mismatches.push({ operation, status, url: `${request.method} ${request.originalUrl}`, errors: validate.errors ?? [] });
    }
  }

  private validatorFor(route: Route, status: number): ValidateFunction | null {
    const key = `${route.method} ${route.pattern.source} ${status}`;
    if (!this.validators.has(key)) {
      const responses = route.operation.responses ?? {};
      const answer = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
      const schema = answer?.content?.['application/json']?.schema;
      this.validators.set(key, schema ? this.compile(schema) : null);
    }
    return this.validators.get(key) ?? null;
  }

  private compile(schema: object): ValidateFunction {
    const text = JSON.stringify(schema);
    let validate = this.compiled.get(text);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema));
      this.compiled.set(text, validate);
    }
    return validate;
  }

  /** What the test file's close() reports; empty when every checked answer matched its schema. */
  failureReport(): string | undefined {
    if (this.mismatches.length === 0) return undefined;
    const lines = this.mismatches.slice(0, 20).map(
      (m) =>
        `- ${m.operation} answered ${m.status} (${m.url}): ` +
        m.errors.slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; '),
    );
    const more = this.mismatches.length > 20 ? [`… and ${this.mismatches.length - 20} more`] : [];
    return [
      `${this.mismatches.length} response(s) did not match the OpenAPI document (fix the response DTO or the schema it documents):`,
      ...lines,
      ...more,
    ].join('\n');
  }
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * `#/components/schemas/X` points into the document; ajv knows the components under their own id. And
 * `{ nullable: true, allOf: [{ $ref }] }` (what @nestjs/swagger writes for a nullable property of a class type) means
 * "X or null" to generated clients, while a strict reading lets the allOf refuse null: the clients' reading applies.
 */
function rewriteRefs<T>(value: T): T {
  const text = JSON.stringify(value).replace(/"\$ref":"#\/components\//g, `"$ref":"${COMPONENTS_ID}#/components/`);
  return nullableComposites(JSON.parse(text)) as T;
}

function nullableComposites(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullableComposites);
  if (value === null || typeof value !== 'object') return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, nullableComposites(inner)])) as Record<string, unknown>;
  if (schema.nullable === true && (schema.allOf || schema.oneOf || schema.anyOf || schema.$ref)) {
    const { nullable: _nullable, ...rest } = schema;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return schema;
}
