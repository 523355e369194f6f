import type { OpenAPIObject } from '@nestjs/swagger';
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createOfflineApiDocument } from '../src/app.factory';
import { serialiseApiDocument } from '../src/cli/openapi';
import { ContractRecorder } from './contract-recorder';
import { startTestApi, TestApi } from './support';

const CHECKED_IN_DOCUMENT = join(__dirname, '..', '..', '..', 'packages', 'api-client', 'openapi.json');
const ERROR_REF = '#/components/schemas/ErrorResponse';
const BINARY_TYPES = /^(application\/(pdf|zip|octet-stream|vnd\.[\w.+-]+|x-[\w.+-]+)|text\/(csv|plain|html|markdown)|image\/)/;

interface Answer {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, Answer>;
}

function operationsOf(document: OpenAPIObject): { key: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({ key: `${operation.operationId ?? '?'} (${method.toUpperCase()} ${path})`, operation })),
  );
}

/** What is missing from an operation's documentation, in words; empty when it is complete. */
function gapsOf(operation: Operation): string[] {
  const gaps: string[] = [];
  const answers = Object.entries(operation.responses ?? {});
  const successes = answers.filter(([status]) => /^2\d\d$/.test(status));
  const describesBody = ([status, answer]: [string, Answer]) =>
    status === '204' ||
    Object.entries(answer.content ?? {}).some(
      ([type, media]) => BINARY_TYPES.test(type) || (media.schema !== undefined && (media.schema.$ref !== undefined || media.schema.type !== undefined)),
    );
  if (!successes.some(describesBody)) gaps.push('no success response with a schema');
  const errors = answers.filter(([status]) => /^[45]\d\d$/.test(status));
  const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined || (operation.security?.length ?? 0) > 0;
  if (takesInput && !errors.some(([status]) => status.startsWith('4'))) gaps.push('no 4xx documented');
  for (const [status, answer] of errors) {
    const schema = answer.content?.['application/json']?.schema;
    // A 5xx may say more than an error (the readiness report says which dependency is down); a 4xx is always one.
    if (status.startsWith('4') ? schema?.$ref !== ERROR_REF : schema === undefined) {
      gaps.push(`${status} without ${status.startsWith('4') ? 'the shared ErrorResponse body' : 'a schema'}`);
    }
  }
  if (!operation.tags?.length) gaps.push('no tag');
  return gaps;
}

describe('the OpenAPI contract', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await createOfflineApiDocument();
  });

  it('names every operation Controller_method, uniquely', () => {
    const ids = operationsOf(document).map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[A-Z][A-Za-z0-9]*_[a-z][A-Za-z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents for every operation a success body and its 4xx with the shared error body', () => {
    const offenders = operationsOf(document)
      .map(({ key, operation }) => ({ key, gaps: gapsOf(operation) }))
      .filter(({ gaps }) => gaps.length > 0)
      .map(({ key, gaps }) => `${key}: ${gaps.join('; ')}`);
    if (offenders.length > 0) {
      throw new Error(`${offenders.length} of ${operationsOf(document).length} operations are not fully documented:\n${offenders.join('\n')}`);
    }
  });

  it('is checked in as packages/api-client/openapi.json (run `npm run generate -w @peduli/api-client` when this fails)', () => {
    const checkedIn = readFileSync(CHECKED_IN_DOCUMENT, 'utf8');
    if (checkedIn !== serialiseApiDocument(document)) {
      throw new Error(
        'packages/api-client/openapi.json differs from the document the API produces now. ' +
          'Run `npm run generate -w @peduli/api-client` and commit openapi.json and src/schema.ts.',
      );
    }
  });

  describe('served by the running API', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startTestApi();
    });

    afterAll(async () => {
      await api?.close();
    });

    it('is the document the generator writes without a database', async () => {
      const response = await api.get('/api/docs-json');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(serialiseApiDocument(document)));
    });

    it('checks the real answers of the suite against it', async () => {
      const before = api.contract.checked;
      const response = await api.get('/api/v1/auth/me');
      expect(response.status).toBe(200);
      const refused = await api.get('/api/v1/submissions/not-a-uuid');
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(api.contract.checked - before).toBe(2);
      expect(api.contract.mismatches).toEqual([]);
    });
  });
});

describe('the contract recorder', () => {
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/things/{id}': {
        get: {
          operationId: 'Things_get',
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '404': { description: 'no' },
          },
        },
      },
      '/api/v1/things/special': {
        get: { operationId: 'Things_special', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } },
      },
    },
    components: {
      schemas: {
        Parent: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        Thing: {
          type: 'object',
          required: ['id', 'createdAt'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            createdAt: { type: 'string', format: 'date-time' },
            note: { type: 'string', nullable: true },
            parent: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Parent' }] },
          },
        },
      },
    },
  } as unknown as OpenAPIObject;

  async function serve(recorder: ContractRecorder, handler: express.RequestHandler): Promise<{ url: string; close: () => Promise<void> }> {
    const app = express();
    app.use(recorder.middleware());
    app.get(/.*/, handler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('reports an answer that does not match its schema, naming the operation, status and problem', async () => {
    const recorder = new ContractRecorder(document);
    const server = await serve(recorder, (request, response) => {
      if (request.path.endsWith('/special')) response.json(['a', 'b']);
      else if (request.path.endsWith('/good')) response.json({ id: '5b0f3c1e-7d1a-4d55-9a52-0f4c2a1b7e10', createdAt: '2026-01-01T00:00:00.000Z', note: null, parent: null });
      else if (request.path.endsWith('/parented')) response.json({ id: '5b0f3c1e-7d1a-4d55-9a52-0f4c2a1b7e10', createdAt: '2026-01-01T00:00:00.000Z', parent: { id: 'p' } });
      else if (request.path.endsWith('/orphan')) response.json({ id: '5b0f3c1e-7d1a-4d55-9a52-0f4c2a1b7e10', createdAt: '2026-01-01T00:00:00.000Z', parent: {} });
      else response.json({ id: 42 });
    });
    try {
      await fetch(`${server.url}/api/v1/things/special`);
      await fetch(`${server.url}/api/v1/things/good`);
      await fetch(`${server.url}/api/v1/things/parented`);
      expect(recorder.checked).toBe(3);
      await fetch(`${server.url}/api/v1/things/orphan`);
      const bad = await fetch(`${server.url}/api/v1/things/bad`);
      expect(await bad.json()).toEqual({ id: 42 }); // the client still gets what the server sent
    } finally {
      await server.close();
    }
    expect(recorder.mismatches.map((m) => [m.operation, m.status, m.url])).toEqual([
      ['Things_get', 200, 'GET /api/v1/things/orphan'],
      ['Things_get', 200, 'GET /api/v1/things/bad'],
    ]);
    const report = recorder.failureReport() ?? '';
    expect(report).toContain('Things_get answered 200');
    expect(report).toContain("must have required property 'createdAt'");
    expect(report).toContain('/id must be string');
  });

  it('only notes answers whose status has no documented schema yet', async () => {
    const recorder = new ContractRecorder(document);
    const server = await serve(recorder, (_request, response) => {
      response.status(404).json({ statusCode: 404 });
    });
    try {
      await fetch(`${server.url}/api/v1/things/missing`);
      await fetch(`${server.url}/not-an-operation`);
    } finally {
      await server.close();
    }
    expect(recorder.undocumented).toEqual([{ operation: 'Things_get', status: 404 }]);
    expect(recorder.failureReport()).toBeUndefined();
  });
});
