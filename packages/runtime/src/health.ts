import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProcessMetrics } from './metrics';

export type HealthCheck = () => Promise<void>;

/** Readiness of a database connection: a trivial query answers. */
export function databaseCheck(database: { query(sql: string): Promise<unknown> }): HealthCheck {
  return async () => void (await database.query('SELECT 1'));
}

/** Readiness of a Redis connection: PING answers PONG. */
export function redisCheck(redis: { ping(): Promise<string> }): HealthCheck {
  return async () => {
    if ((await redis.ping()) !== 'PONG') throw new Error('Redis did not answer PONG');
  };
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** Runs every readiness check concurrently; one failing check makes the whole report an error. */
export async function runHealthChecks(checks: Record<string, HealthCheck>, timeoutMs = 2000): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs, name);
        return [name, { status: 'up' as const }] as const;
      } catch (error) {
        return [name, { status: 'down' as const, error: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  const report = Object.fromEntries(entries);
  return { status: entries.every(([, result]) => result.status === 'up') ? 'ok' : 'error', checks: report };
}

export interface HealthServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Workers have no HTTP API, so each runs this tiny server for probes:
 * GET /health (liveness: the event loop answers), GET /health/ready (its dependencies answer) and, with metrics,
 * GET /metrics (Prometheus text format).
 */
export function startHealthServer(options: {
  port: number;
  host?: string;
  checks: Record<string, HealthCheck>;
  isShuttingDown?: () => boolean;
  metrics?: ProcessMetrics;
}): Promise<HealthServer> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return send(405, { message: 'Only GET is supported' });
    if (request.url === '/health') return send(200, { status: 'ok' });
    if (request.url === '/health/ready') {
      if (options.isShuttingDown?.()) return send(503, { status: 'error', checks: {}, shuttingDown: true });
      void runHealthChecks(options.checks).then((report) => send(report.status === 'ok' ? 200 : 503, report));
      return;
    }
    if (request.url === '/metrics' && options.metrics) {
      void options.metrics.render().then(({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType });
        response.end(body);
      });
      return;
    }
    send(404, { message: 'Not found: use /health, /health/ready or /metrics' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * A listener for GET /metrics alone, on a port of its own, so the metrics stay on the cluster's network (scraped by
 * Prometheus through the pod's metrics port) while the service's main port faces the ingress.
 */
export function startMetricsServer(options: { port: number; host?: string; metrics: ProcessMetrics }): Promise<HealthServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Not found: use GET /metrics' }));
      return;
    }
    options.metrics.render().then(
      ({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`metrics could not be rendered: ${String(error)}`);
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // A scraper's keep-alive connection must not hold the process's shutdown.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
