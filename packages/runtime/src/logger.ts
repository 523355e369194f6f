import pino, { Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs, one line per event, tagged with the process role. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
