import type { Logger } from 'pino';

export type ShutdownStep = [name: string, run: () => Promise<unknown>];

/**
 * Runs the steps in order on SIGTERM or SIGINT (once), then exits. Each step is bounded so that a stuck dependency
 * cannot keep the process alive past its orchestrator's grace period.
 */
export function handleShutdown(logger: Logger, steps: () => ShutdownStep[], stepTimeoutMs = 20_000): () => boolean {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    let exitCode = 0;
    for (const [name, run] of steps()) {
      try {
        await Promise.race([
          run(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), stepTimeoutMs).unref()),
        ]);
      } catch (error) {
        exitCode = 1;
        logger.error({ step: name, err: String(error) }, 'shutdown step failed');
      }
    }
    logger.info({ exitCode }, 'stopped');
    process.exit(exitCode);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return () => shuttingDown;
}
