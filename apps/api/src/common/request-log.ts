import type { ApiConfig } from '@peduli/config';
import type { RequestHandler } from 'express';
import type { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';

const loggers = new WeakMap<ApiConfig, Logger>();

/** The API's one pino logger for a configuration: the application's logs and the request lines share it. */
export function apiLogger(config: ApiConfig): Logger {
  let logger = loggers.get(config);
  if (!logger) {
    logger = pino({
      level: config.LOG_LEVEL,
      base: { service: 'api', pid: process.pid },
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    });
    loggers.set(config, logger);
  }
  return logger;
}

/**
 * nestjs-pino for the application's own logs only. Its request middleware (pino-http) is left out: it made a child
 * logger per request and ran every request inside an AsyncLocalStorage context, which turns on promise hooks for the
 * whole process; together that was 10–20% of an answer update's CPU. `requestLog` writes the request lines instead.
 */
export function appLogging(config: ApiConfig): Params {
  return { pinoHttp: { logger: apiLogger(config) }, forRoutes: [] };
}

/**
 * One line per request when its answer is sent (or the connection closes first), in the shape pino-http wrote:
 * `req` (id, method, url), `res` (statusCode) and `responseTime` in ms; info below 400, warn for 4xx, error (with
 * "request errored") for 5xx. Nothing is built when the line's level is off. Runs after requestId, whose id it logs.
 */
export function requestLog(logger: Logger, ignore: (url: string) => boolean = (url) => url === '/health'): RequestHandler {
  return (request, response, next) => {
    const { method, url } = request;
    if (ignore(url)) return next();
    const started = Date.now();
    const done = () => {
      response.removeListener('finish', done);
      response.removeListener('close', done);
      const statusCode = response.statusCode;
      const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = { req: { id: (request as typeof request & { id?: string }).id, method, url }, res: { statusCode }, responseTime: Date.now() - started };
      if (statusCode >= 500) logger.error({ ...line, err: new Error(`failed with status code ${statusCode}`) }, 'request errored');
      else logger[level](line, response.writableFinished ? 'request completed' : 'request aborted');
    };
    response.on('finish', done);
    response.on('close', done);
    next();
  };
}
