import { freePort, ManagedProcess, runToCompletion, startProcess, waitForHttpOk } from '../src';

const NODE = process.execPath;

/** Resolves once the process prints `line`; fails if it exits first. */
function lineFrom(managed: ManagedProcess, line: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${line}" within ${timeoutMs} ms`)), timeoutMs);
    const check = setInterval(() => {
      if (managed.output.includes(line)) done(resolve);
      else if (!managed.isRunning()) done(() => reject(new Error(`exited before printing "${line}"`)));
    }, 10);
    function done(then: () => void) {
      clearTimeout(timer);
      clearInterval(check);
      then();
    }
  });
}

async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
  throw new Error('expected the promise to reject');
}

describe('startProcess', () => {
  const started: ManagedProcess[] = [];

  afterEach(async () => {
    for (const managed of started.splice(0)) managed.kill('SIGKILL');
  });

  function start(...args: Parameters<typeof startProcess>): ManagedProcess {
    const managed = startProcess(...args);
    started.push(managed);
    return managed;
  }

  it('collects stdout and stderr line by line and reports the exit code', async () => {
    const seen: [string, string][] = [];
    const managed = start('greeter', NODE, ['-e', "console.log('satu'); console.log('dua'); process.exitCode = 0"], {
      onLine: (line, stream) => seen.push([stream, line]),
    });
    expect(managed.name).toBe('greeter');
    expect(await managed.exited).toBe(0);
    expect(managed.isRunning()).toBe(false);
    expect(managed.output).toEqual(['satu', 'dua']);
    expect(seen).toEqual([
      ['stdout', 'satu'],
      ['stdout', 'dua'],
    ]);

    const errors: [string, string][] = [];
    const failing = start('complainer', NODE, ['-e', "console.error('ada masalah'); process.exitCode = 2"], {
      onLine: (line, stream) => errors.push([stream, line]),
    });
    expect(await failing.exited).toBe(2);
    expect(errors).toEqual([['stderr', 'ada masalah']]);
  });

  it('joins lines split across chunks', async () => {
    const script = "process.stdout.write('sebagian '); setTimeout(() => { process.stdout.write('lengkap\\nberikut'); process.stdout.write('nya\\n'); }, 50)";
    const managed = start('chunks', NODE, ['-e', script]);
    await managed.exited;
    expect(managed.output).toEqual(['sebagian lengkap', 'berikutnya']);
  });

  it('keeps only the last keepLines lines', async () => {
    const managed = start('chatty', NODE, ['-e', 'for (let i = 1; i <= 50; i++) console.log(`line ${i}`)'], { keepLines: 5 });
    await managed.exited;
    expect(managed.output).toEqual(['line 46', 'line 47', 'line 48', 'line 49', 'line 50']);
  });

  it('passes env and cwd to the child', async () => {
    const managed = start('env', NODE, ['-e', 'console.log(process.env.PEDULI_PROBE + " " + process.cwd())'], {
      env: { PEDULI_PROBE: 'nilai-uji' },
      cwd: '/tmp',
    });
    await managed.exited;
    expect(managed.output).toEqual(['nilai-uji /tmp']);
  });

  it('stop() sends SIGTERM to a well-behaved process', async () => {
    const managed = start('sleeper', NODE, ['-e', "console.log('siap'); setInterval(() => {}, 1000)"]);
    await lineFrom(managed, 'siap');
    expect(managed.isRunning()).toBe(true);
    const began = Date.now();
    expect(await managed.stop(10_000)).toBeNull();
    expect(Date.now() - began).toBeLessThan(5000);
    expect(managed.child.signalCode).toBe('SIGTERM');
    expect(managed.isRunning()).toBe(false);
  });

  it('stop() kills a process that ignores SIGTERM once the timeout has passed', async () => {
    const managed = start('stubborn', NODE, [
      '-e',
      "process.on('SIGTERM', () => console.log('SIGTERM diabaikan')); setInterval(() => {}, 1000); console.log('siap')",
    ]);
    await lineFrom(managed, 'siap');
    const began = Date.now();
    expect(await managed.stop(400)).toBeNull();
    const took = Date.now() - began;
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(10_000);
    expect(managed.child.signalCode).toBe('SIGKILL');
    expect(managed.output).toContain('SIGTERM diabaikan');
    expect(managed.isRunning()).toBe(false);
  });

  it('stop() on a process that already exited returns its exit code', async () => {
    const managed = start('done', NODE, ['-e', 'process.exitCode = 5']);
    expect(await managed.exited).toBe(5);
    expect(await managed.stop()).toBe(5);
  });

  it('kill() sends SIGKILL by default and is a no-op once exited', async () => {
    const managed = start('victim', NODE, ['-e', "console.log('siap'); setInterval(() => {}, 1000)"]);
    await lineFrom(managed, 'siap');
    managed.kill();
    expect(await managed.exited).toBeNull();
    expect(managed.child.signalCode).toBe('SIGKILL');
    expect(() => managed.kill('SIGTERM')).not.toThrow();
  });
});

describe('runToCompletion', () => {
  it('includes a last line printed without a trailing newline in its error', async () => {
    await expect(
      runToCompletion('fatal', NODE, ['-e', "process.stderr.write('fatal: konfigurasi salah'); process.exit(3)"]),
    ).rejects.toThrow(/exited with code 3:\nfatal: konfigurasi salah/);
  });

  it('returns the output of a successful command', async () => {
    expect(await runToCompletion('ok', NODE, ['-e', "console.log('migrasi selesai')"])).toEqual(['migrasi selesai']);
  });

  it('rejects with the exit code and the last output of a failing command', async () => {
    const message = await rejectionMessage(
      runToCompletion('migrate', NODE, ['-e', "console.log('mulai'); console.error('relation \"x\" does not exist'); process.exit(3)"]),
    );
    expect(message.split('\n')[0]).toBe('migrate exited with code 3:');
    expect(message).toContain('mulai');
    expect(message).toContain('relation "x" does not exist');
  });

  it('includes only the last 30 lines of output in the error', async () => {
    const message = await rejectionMessage(
      runToCompletion('noisy', NODE, ['-e', 'for (let i = 1; i <= 100; i++) console.log(`baris ${i}`); process.exitCode = 1']),
    );
    const lines = message.split('\n');
    expect(lines[0]).toBe('noisy exited with code 1:');
    expect(lines.slice(1)).toEqual(Array.from({ length: 30 }, (_, i) => `baris ${71 + i}`));
  });

  it('rejects when the command is killed by a signal', async () => {
    const message = await rejectionMessage(runToCompletion('killed', NODE, ['-e', "process.kill(process.pid, 'SIGKILL')"]));
    expect(message).toMatch(/^killed exited with code null/);
  });
});

describe('waitForHttpOk', () => {
  const started: ManagedProcess[] = [];

  afterEach(async () => {
    for (const managed of started.splice(0)) await managed.stop(2000);
  });

  function serve(port: number, status: number, delayMs = 0): ManagedProcess {
    const script = `
      const http = require('node:http');
      setTimeout(() => {
        http.createServer((req, res) => { res.statusCode = req.url === '/health' ? ${status} : 404; res.end('status ${status}'); })
          .listen(${port}, '127.0.0.1');
      }, ${delayMs});`;
    const managed = startProcess(`server-${port}`, NODE, ['-e', script]);
    started.push(managed);
    return managed;
  }

  it('resolves once the server answers 200, even if it starts listening late', async () => {
    const port = await freePort();
    const managed = serve(port, 200, 300);
    await expect(waitForHttpOk(`http://127.0.0.1:${port}/health`, { timeoutMs: 15_000, process: managed })).resolves.toBeUndefined();
    expect(managed.isRunning()).toBe(true);
  });

  it('fails early, with the process output, when the process exits', async () => {
    const port = await freePort();
    const managed = startProcess('crasher', NODE, ['-e', "console.error('cannot connect to database'); process.exit(1)"]);
    started.push(managed);
    const began = Date.now();
    const message = await rejectionMessage(waitForHttpOk(`http://127.0.0.1:${port}/health`, { timeoutMs: 30_000, process: managed }));
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(message).toContain(`crasher exited before http://127.0.0.1:${port}/health was ready`);
    expect(message).toContain('cannot connect to database');
  });

  it('times out with the last answer when the server never answers 200', async () => {
    const port = await freePort();
    const managed = serve(port, 503);
    const began = Date.now();
    const message = await rejectionMessage(waitForHttpOk(`http://127.0.0.1:${port}/health`, { timeoutMs: 1500, process: managed }));
    expect(Date.now() - began).toBeGreaterThanOrEqual(1500);
    expect(message).toBe(`http://127.0.0.1:${port}/health was not ready in time (last answer: HTTP 503: status 503)`);
  });

  it('times out when nothing listens and there is no process to watch', async () => {
    const port = await freePort();
    const message = await rejectionMessage(waitForHttpOk(`http://127.0.0.1:${port}/`, { timeoutMs: 300 }));
    expect(message).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/ was not ready in time \\(last answer: .+\\)$`));
  });
});
