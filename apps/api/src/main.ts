import { apiConfigSchema, loadConfigOrExit } from '@peduli/config';
import { createLogger, handleShutdown } from '@peduli/runtime';
import { createApp, DOCS_PATH } from './app.factory';
import { MetricsServer } from './operations/metrics-server';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api', apiConfigSchema);
  const logger = createLogger('api', config.LOG_LEVEL);
  const app = await createApp(config);
  // On SIGTERM: stop taking connections, let in-flight requests finish, then close the outbox relay, Redis and the
  // database (Nest's onApplicationShutdown hooks), and exit 0.
  handleShutdown(logger, () => [['http and dependencies', () => app.close()]], 25_000);
  await app.listen(config.PORT, config.HOST);
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info(
    { url: `http://${host}:${config.PORT}`, docs: `http://${host}:${config.PORT}/${DOCS_PATH}`, metrics: app.get(MetricsServer).url },
    'api ready',
  );
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'api', msg: 'failed to start', err: String(error?.stack ?? error) }));
  process.exit(1);
});
