import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from './support';

/** The built web app as the API serves it at /: a stand-in dist with an index page and one hashed asset. */
describe('the web app served at /', () => {
  let api: TestApi;
  const webDir = mkdtempSync(join(tmpdir(), 'peduli-web-'));
  const INDEX = '<!doctype html><title>Peduli</title><div id="root"></div>';

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), 'console.log("app")');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startTestApi({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for any page path, never cached', async () => {
    for (const path of ['/', '/sign-in', '/submissions/3f0c8a52/answers?tab=2', '/manage/frameworks', '/manage/recalculations/3f0c8a52']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: response.status, cache: response.headers.get('cache-control') }).toEqual({ path, status: 200, cache: 'no-cache' });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year and other files not at all; a missing asset is a 404, not the page', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');

    const icon = await fetch(`${api.baseUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');

    const stale = await fetch(`${api.baseUrl}/assets/index-Old999.js`);
    expect(stale.status).toBe(404);
    expect(await stale.text()).not.toBe(INDEX);
  });

  it('never answers for the API, health, metrics or the admin area: their unknown paths stay JSON 404s', async () => {
    const unknown = await fetch(`${api.baseUrl}/api/v1/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, message: 'Alamat GET /api/v1/no-such-thing tidak ditemukan.' });

    for (const path of ['/api', '/health/nope', '/metrics', '/admin/nope']) {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toBe(INDEX);
    }
    const health = await fetch(`${api.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers only GET and HEAD with the page', async () => {
    const post = await fetch(`${api.baseUrl}/sign-in`, { method: 'POST' });
    expect(post.status).toBe(404);
    const head = await fetch(`${api.baseUrl}/beranda`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});
