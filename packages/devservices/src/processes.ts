import { ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The last lines the process printed (stdout and stderr), for diagnostics. */
  output: string[];
  exited: Promise<number | null>;
  isRunning(): boolean;
  /** SIGTERM, then SIGKILL if it has not exited within the timeout. */
  stop(timeoutMs?: number): Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

export interface StartProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each line of output. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  keepLines?: number;
}

export function startProcess(name: string, command: string, args: string[], options: StartProcessOptions = {}): ManagedProcess {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = options.keepLines ?? 400;
  for (const stream of ['stdout', 'stderr'] as const) {
    let partial = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (output.length > keep) output.shift();
        options.onLine?.(line, stream);
      }
    });
    // A last line without a trailing newline (often the fatal message) must not be lost.
    child[stream]!.on('end', () => {
      if (!partial) return;
      output.push(partial);
      if (output.length > keep) output.shift();
      options.onLine?.(partial, stream);
      partial = '';
    });
  }
  // 'close' rather than 'exit': it comes after the output streams have ended, so `output` is complete.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output,
    exited,
    isRunning,
    kill: (signal = 'SIGKILL') => {
      if (isRunning()) child.kill(signal);
    },
    stop: async (timeoutMs = 15_000) => {
      if (!isRunning()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to its end; throws with its last output if it fails. */
export async function runToCompletion(name: string, command: string, args: string[], options: StartProcessOptions = {}): Promise<string[]> {
  const process = startProcess(name, command, args, options);
  const code = await process.exited;
  if (code !== 0) throw new Error(`${name} exited with code ${code}:\n${process.output.slice(-30).join('\n')}`);
  return process.output;
}

/** Polls a URL until it answers 200; fails early if the process that should serve it has exited. */
export async function waitForHttpOk(url: string, options: { timeoutMs?: number; process?: ManagedProcess } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last = '';
  while (Date.now() < deadline) {
    if (options.process && !options.process.isRunning()) {
      throw new Error(`${options.process.name} exited before ${url} was ready:\n${options.process.output.slice(-30).join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not ready in time (last answer: ${last})`);
}
