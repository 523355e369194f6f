/**
 * `with-test-services <command> [args…]`: runs the command (npm test's run of every workspace's tests) as one test
 * run, with one PostgreSQL and one Redis for all of it. Each workspace's Jest then joins that run instead of starting
 * servers of its own, and copies the templates the first workspace migrated instead of migrating again. Ctrl-C or
 * SIGTERM reaches the command; the run's templates and servers go when it ends. Exits with the command's code.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { beginTestRun } from '../test-run';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: with-test-services <command> [args…]');
    return 2;
  }
  const endRun = await beginTestRun();
  try {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        console.error(`with-test-services: could not run ${command}: ${error.message}`);
        resolve(127);
      });
      child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  } finally {
    await endRun();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
