import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEARER_AUTH } from '../src/auth/bearer-auth';
import { json, startTestApi, TestApi } from './support';

/** The areas this file covers: accounts, auth, API tokens, audit, regions, organisations and health. */
const AREAS = /^\/(api\/v1\/(users|account|auth|api-tokens|audit|regions|organisations)|health)(\/|$)/;
const ERROR_REF = '#/components/schemas/ErrorResponse';

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
}
interface Answer {
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  security?: unknown[];
  responses: Record<string, Answer>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type?: string; scheme?: string; description?: string }> };
}

/**
 * Where a body differs from its schema, as readable paths: a missing required field, an undocumented one, a wrong
 * type, an unlisted enum value or a date that is not an ISO date-time string.
 */
function differences(document: Document, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return differences(document, document.components.schemas[schema.$ref.split('/').pop() as string], value, at);
  // Swagger writes a nullable nested class as `nullable` beside `allOf: [$ref]`, so null is settled before the parts.
  if (value === null) return schema.nullable ? [] : [`${at} is null but not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part) => differences(document, part, value, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at} = ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'array':
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, index) => differences(document, schema.items ?? {}, item, `${at}[${index}]`));
    case 'string':
      if (typeof value !== 'string') return [`${at} is not a string`];
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return [`${at} is not a date-time`];
      return [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    default: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key} is required but missing`);
      for (const [key, item] of Object.entries(record)) {
        if (properties[key]) problems.push(...differences(document, properties[key], item, `${at}.${key}`));
        else if (!schema.additionalProperties) problems.push(`${at}.${key} is not documented`);
      }
      return problems;
    }
  }
}

describe('the contract and the layers of accounts, auth, API tokens, audit, regions, organisations and health', () => {
  let api: TestApi;
  let document: Document;

  beforeAll(async () => {
    api = await startTestApi();
    document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as Document;
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Checks a real answer against what the document says that operation answers with that status. */
  async function expectDocumented(method: string, path: string, template: string, response: Response): Promise<unknown> {
    const answer = document.paths[template]?.[method]?.responses[String(response.status)];
    expect(answer).toBeDefined();
    const body = await response.json();
    const schema = answer?.content?.['application/json']?.schema;
    expect({ path, schema: schema !== undefined }).toEqual({ path, schema: true });
    expect({ path, differences: differences(document, schema as Schema, body) }).toEqual({ path, differences: [] });
    return body;
  }

  it('documents a success body and the shared error body for every operation of these areas', () => {
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(document.paths).filter(([path]) => AREAS.test(path))) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        const described = successes.some(([status, answer]) => status === '204' || answer.content?.['application/json']?.schema !== undefined);
        if (!described) gaps.push(`${where}: no success schema`);
        for (const [status, answer] of Object.entries(operation.responses).filter(([status]) => status.startsWith('4'))) {
          if (answer.content?.['application/json']?.schema?.$ref !== ERROR_REF) gaps.push(`${where}: ${status} without ErrorResponse`);
        }
        if (operation.security?.length && !operation.responses['401']) gaps.push(`${where}: signed-in only but no 401`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('explains once how to authenticate, people through /auth/login and machines with API tokens', () => {
    const scheme = document.components.securitySchemes?.bearer;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer', description: BEARER_AUTH.description });
    expect(scheme?.description).toContain('/api/v1/auth/login');
    expect(scheme?.description).toContain('/api/v1/api-tokens');
  });

  it('sends exactly what the document describes, for a person and for an API token', async () => {
    const me = (await expectDocumented('get', '/api/v1/auth/me', '/api/v1/auth/me', await api.get('/api/v1/auth/me'))) as { user: { email: string } };
    expect(me.user.email).toBe('admin@peduli.test');

    const organisation = (await expectDocumented(
      'post',
      '/api/v1/organisations',
      '/api/v1/organisations',
      await api.post('/api/v1/organisations', { kind: 'OPD', name: 'Dinas Sosial Kota Balikpapan', regionCode: '64.71' }),
    )) as { id: string };
    await expectDocumented('get', '/api/v1/organisations', '/api/v1/organisations', await api.get('/api/v1/organisations'));

    const user = (await expectDocumented(
      'post',
      '/api/v1/users',
      '/api/v1/users',
      await api.post('/api/v1/users', {
        email: 'kontrak@peduli.test',
        displayName: 'Operator Kontrak',
        organisationId: organisation.id,
        roles: [{ role: 'UNIT_OPERATOR', organisationId: organisation.id }],
      }),
    )) as { id: string; roles: unknown[] };
    expect(user.roles).toHaveLength(1);
    await expectDocumented('get', '/api/v1/users', '/api/v1/users', await api.get('/api/v1/users'));
    await expectDocumented('post', `/api/v1/users/${user.id}/invitation`, '/api/v1/users/{id}/invitation', await api.post(`/api/v1/users/${user.id}/invitation`, {}));

    const created = (await expectDocumented(
      'post',
      '/api/v1/api-tokens',
      '/api/v1/api-tokens',
      await api.post('/api/v1/api-tokens', { name: 'Sinkronisasi kontrak', role: 'VIEWER', regionCode: '64.71' }),
    )) as { token: string };
    const asToken = await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${created.token}` } });
    const machine = (await expectDocumented('get', '/api/v1/auth/me', '/api/v1/auth/me', asToken)) as { user: unknown; actor: { type: string } };
    expect(machine).toMatchObject({ user: null, actor: { type: 'API_TOKEN' } });
    await expectDocumented('get', '/api/v1/api-tokens', '/api/v1/api-tokens', await api.get('/api/v1/api-tokens'));

    await expectDocumented('get', '/api/v1/audit', '/api/v1/audit', await api.get('/api/v1/audit?pageSize=5'));
    await expectDocumented('get', '/api/v1/regions/64.71', '/api/v1/regions/{code}', await api.get('/api/v1/regions/64.71'));
    await expectDocumented('get', '/health/ready', '/health/ready', await api.get('/health/ready'));
    await expectDocumented('get', '/health', '/health', await api.get('/health'));

    const refused = await api.get('/api/v1/users/not-a-uuid');
    expect(refused.status).toBe(400);
    await expectDocumented('get', '/api/v1/users/not-a-uuid', '/api/v1/users/{id}', refused);
    expect(await json(await api.get(`/api/v1/organisations/${organisation.id}`))).toMatchObject({ id: organisation.id });
  });

  it('keeps SQL and the DataSource out of these controllers: they parse, call one service and shape the answer', () => {
    const source = join(__dirname, '..', 'src');
    const offenders = ['users', 'accounts', 'auth', 'api-tokens', 'audit', 'regions', 'organisations', 'health', 'operations'].flatMap((area) =>
      readdirSync(join(source, area))
        .filter((file) => file.endsWith('.controller.ts'))
        .map((file) => ({ file: `${area}/${file}`, text: readFileSync(join(source, area, file), 'utf8') }))
        .filter(({ text }) => /from 'typeorm'|DataSource|EntityManager|\.query\(|getRepository|createQueryBuilder|recordAudit/.test(text))
        .map(({ file }) => file),
    );
    expect(offenders).toEqual([]);
  });
});
