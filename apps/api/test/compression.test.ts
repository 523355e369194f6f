import express from 'express';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, createGunzip, gunzipSync } from 'node:zlib';
import { compressResponses } from '../src/common/compression';
import { startTestApi, TestApi } from './support';

/** A raw GET (Node's fetch would decode the body itself): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('compressed answers', () => {
  let api: TestApi;
  let cycleId: string;
  const auth = () => ({ authorization: `Bearer ${api.adminToken}` });

  beforeAll(async () => {
    api = await startTestApi();
    const [{ id }] = await api.database.dataSource.query(`SELECT id FROM framework_version WHERE programme = 'KKP_HAM' AND version = 1`);
    const created = await api.post('/api/v1/cycles', { programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026', frameworkVersionId: id });
    expect(created.status).toBe(201);
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('sends JSON gzip-encoded to a client that asks for gzip, the same JSON once unzipped, and plain to one that does not', async () => {
    const url = `${api.baseUrl}/api/v1/completeness?cycleId=${cycleId}&periodCode=TAHUNAN`;
    const zipped = await rawGet(url, { ...auth(), 'accept-encoding': 'gzip' });
    const plain = await rawGet(url, auth());
    expect(zipped.response.statusCode).toBe(200);
    expect(zipped.response.headers['content-encoding']).toBe('gzip');
    expect(zipped.response.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.response.statusCode).toBe(200);
    expect(plain.response.headers['content-encoding']).toBeUndefined();
    expect(plain.response.headers['content-type']).toMatch(/^application\/json/);
    const unzipped = gunzipSync(zipped.body);
    expect(unzipped.equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 5);
    expect((JSON.parse(plain.body.toString('utf8')) as { units: unknown[] }).units.length).toBeGreaterThan(500);

    // A browser asks for brotli too, and gets it.
    const brotli = await rawGet(url, { ...auth(), 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
  });

  it('leaves a small answer as it is', async () => {
    const small = await rawGet(`${api.baseUrl}/health`, { 'accept-encoding': 'gzip' });
    expect(small.response.statusCode).toBe(200);
    expect(small.response.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a CSV export as it streams, and unzipped it is the plain file', async () => {
    const url = `${api.baseUrl}/api/v1/exports/completeness?cycleId=${cycleId}&periodCode=TAHUNAN&format=csv`;
    const zipped = await rawGet(url, { ...auth(), 'accept-encoding': 'gzip' });
    const plain = await rawGet(url, auth());
    expect(zipped.response.statusCode).toBe(200);
    expect(zipped.response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zipped.response.headers['content-encoding']).toBe('gzip');
    // Streamed, not buffered into one body of known length.
    expect(zipped.response.headers['transfer-encoding']).toBe('chunked');
    expect(zipped.response.headers['content-length']).toBeUndefined();
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  describe('a stream through the middleware', () => {
    let server: Server;
    let release: () => void;
    const secondPart = new Promise<void>((resolve) => (release = resolve));

    beforeAll(async () => {
      const app = express();
      app.use(compressResponses());
      // The second half is written only once the client has decoded the first: a compressor that held writes back
      // until the end (or until its buffer filled) would leave the client waiting for ever.
      app.get('/stream', async (_request, response) => {
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.write(`header\r\n${'a,1\r\n'.repeat(400)}`);
        await secondPart;
        response.end('b,2\r\n'.repeat(400));
      });
      app.get('/pdf', (_request, response) => {
        response.setHeader('Content-Type', 'application/pdf');
        response.end(Buffer.alloc(4096, 'x'));
      });
      server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
    });
    afterAll(async () => {
      release();
      server.close();
      await once(server, 'close');
    });
    const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    it('hands each write to the client at once', async () => {
      const text = await new Promise<string>((resolve, reject) => {
        httpRequest(`${base()}/stream`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          expect(response.headers['content-encoding']).toBe('gzip');
          let decoded = '';
          const gunzip = response.pipe(createGunzip());
          gunzip.on('data', (chunk: Buffer) => {
            decoded += chunk.toString('utf8');
            if (decoded.includes('a,1\r\n'.repeat(400))) release();
          });
          gunzip.on('end', () => resolve(decoded));
          gunzip.on('error', reject);
        })
          .on('error', reject)
          .end();
      });
      expect(text).toBe(`header\r\n${'a,1\r\n'.repeat(400)}${'b,2\r\n'.repeat(400)}`);
    });

    it('sends what is already compressed as it is', async () => {
      const pdf = await rawGet(`${base()}/pdf`, { 'accept-encoding': 'gzip, br' });
      expect(pdf.response.headers['content-encoding']).toBeUndefined();
      expect(pdf.body.length).toBe(4096);
    });
  });
});
