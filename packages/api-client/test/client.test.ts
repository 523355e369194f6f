import { createPeduliClient, describeApiError, isApiErrorBody, type ApiErrorBody } from '../src';

const ERROR: ApiErrorBody = {
  statusCode: 400,
  error: 'BAD_REQUEST',
  code: 'request.invalid',
  message: 'Permintaan tidak valid',
  problems: [{ field: 'email', problem: 'wajib diisi' }],
  requestId: 'r-1',
};

/** A fetch that answers from a table and keeps every request it was given. */
function fakeFetch(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = async (input: Request) => {
    requests.push(input);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

describe('createPeduliClient', () => {
  it('sends the bearer token and Accept-Language, Indonesian by default', async () => {
    const { fetch, requests } = fakeFetch(200, { status: 'ok' });
    const client = createPeduliClient({ baseUrl: 'http://api.test/', token: 'secret', fetch });
    await client.GET('/health');
    expect(requests[0].url).toBe('http://api.test/health');
    expect(requests[0].headers.get('authorization')).toBe('Bearer secret');
    expect(requests[0].headers.get('accept-language')).toBe('id');
  });

  it('asks a token function before each request and sends no header without a token', async () => {
    const { fetch, requests } = fakeFetch(200, {});
    const session: { token?: string } = {};
    const client = createPeduliClient({ baseUrl: 'http://api.test', token: () => session.token, language: 'en', fetch });
    await client.GET('/health');
    session.token = 'later';
    await client.GET('/health');
    expect(requests[0].headers.has('authorization')).toBe(false);
    expect(requests[1].headers.get('authorization')).toBe('Bearer later');
    expect(requests[1].headers.get('accept-language')).toBe('en');
  });

  it('gives a refusal as the shared error body', async () => {
    const { fetch } = fakeFetch(400, ERROR);
    const client = createPeduliClient({ baseUrl: 'http://api.test', fetch });
    const { data, error, response } = await client.GET('/health');
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(isApiErrorBody(error)).toBe(true);
    expect(describeApiError(error)).toEqual(['Permintaan tidak valid', 'email: wajib diisi']);
    expect(describeApiError('plain text')).toEqual(['plain text']);
    expect(describeApiError(undefined)).toEqual([]);
  });
});
