import { ProcessMetrics } from '@peduli/runtime';
import type { NextFunction, Request, Response } from 'express';

/** Latency of every request by route pattern (never the raw path, which would make one series per id). */
export function httpMetrics(metrics: ProcessMetrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : request.baseUrl || 'unmatched';
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
}
