import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { median } from './web-timing';

export interface ApiCallTiming {
  /** Median time from the request sent to the last byte of the answer, of `runs` calls. */
  ms: number;
  runsMs: number[];
  /** The bytes on the wire (as the browser would get them, asking for gzip) and the JSON they hold. */
  wireKb: number;
  jsonKb: number;
  contentEncoding: string | null;
  rows: number;
}

/** One call as a browser makes it (accepting gzip), timed to the last byte, its raw bytes kept. */
function get(url: string, token: string): Promise<{ ms: number; body: Buffer; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode !== 200) return reject(new Error(`web: GET ${url}: ${response.statusCode} ${body.toString('utf8').slice(0, 300)}`));
        resolve({ ms: performance.now() - started, body, encoding: (response.headers['content-encoding'] as string | undefined) ?? null });
      });
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET /api/v1/completeness with `query`, `runs` times one after another, after one call not counted (a warm cache). */
export async function timeCompletenessApi(apiUrl: string, token: string, query: Record<string, string>, runs: number): Promise<ApiCallTiming> {
  const url = `${apiUrl}/api/v1/completeness?${new URLSearchParams(query).toString()}`;
  await get(url, token);
  const calls = [];
  for (let run = 0; run < runs; run++) calls.push(await get(url, token));
  const last = calls[calls.length - 1];
  const json = last.encoding === 'gzip' ? gunzipSync(last.body) : last.body;
  const { units } = JSON.parse(json.toString('utf8')) as { units: unknown[] };
  return {
    ms: median(calls.map((call) => call.ms)),
    runsMs: calls.map((call) => Math.round(call.ms)),
    wireKb: last.body.length / 1024,
    jsonKb: json.length / 1024,
    contentEncoding: last.encoding,
    rows: units.length,
  };
}
