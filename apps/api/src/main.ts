import { apiConfigSchema, loadConfigOrExit } from '@peduli/config';
import { createApp, DOCS_PATH } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api', apiConfigSchema);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  process.stdout.write(
    JSON.stringify({ level: 'info', service: 'api', msg: 'api ready', url: `http://${host}:${config.PORT}`, docs: `http://${host}:${config.PORT}/${DOCS_PATH}` }) + '\n',
  );
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'api', msg: 'failed to start', err: String(error?.stack ?? error) }));
  process.exit(1);
});
