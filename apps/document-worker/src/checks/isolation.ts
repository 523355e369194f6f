import { DocumentCheckReason, DocumentFinding, SniffedType } from '@peduli/domain/documents';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
// sharp's shared libraries must be loaded by the main thread before check threads load them, or they are unloaded
// when the first thread exits while others still use them (sharp's documentation on worker threads).
import 'sharp';
import type { Inspection, StructureSettings } from './index';

export interface IsolationLimits {
  /** Check threads; each checks one file at a time. */
  threads: number;
  /** Longest one file's check may take, from the moment a thread takes it. */
  timeoutMs: number;
  /** The V8 heap of each check thread (maxOldGenerationSizeMb). */
  memoryMb: number;
}

/** One check thread per core the process may use. */
export const defaultCheckThreads = (): number => availableParallelism();

/**
 * The compiled thread entry. Resolved through dist from both dist/checks and src/checks (tests run the sources, whose
 * TypeScript a thread cannot load), so tests need the package built, as `npm test` does first.
 */
const THREAD_SCRIPT = resolve(__dirname, '../../dist/checks/check-thread.js');

/** Messages from a check thread. */
export type ThreadMessage =
  | { kind: 'sniffed'; sniffed: SniffedType | null }
  | { kind: 'done'; findings: DocumentFinding[] }
  | { kind: 'failed'; message: string };

interface Task {
  bytes: Uint8Array;
  settings: StructureSettings;
  sniffed: SniffedType | null;
  resolve(inspection: Inspection): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** Set once the thread is being ended; its exit frees its place in the pool. */
  retired: boolean;
}

/**
 * A small pool of worker threads that sniff and check files, so that files are checked in parallel on every core and
 * no file can take the process down with it. A thread that runs past the time limit is terminated, and one that
 * exhausts its heap dies on its own; either way the file is rejected as DOCUMENT_TOO_COMPLEX and a fresh thread takes
 * the next file. Memory outside the V8 heap (libvips' pixel buffers, zlib) is not counted by the heap cap: it is
 * bounded by the checks themselves (pixel and inflate limits, images decoded reduced) and by the time limit, after
 * which the thread and what it holds go away.
 */
export class CheckIsolation {
  private readonly all = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Task[] = [];
  private live = 0;
  private closed = false;

  constructor(
    readonly limits: IsolationLimits,
    private readonly script = THREAD_SCRIPT,
  ) {}

  get threads(): number {
    return this.limits.threads;
  }

  /** Sniffs and checks one file's bytes in a check thread; queued while every thread is busy. */
  inspect(bytes: Buffer, settings: StructureSettings): Promise<Inspection> {
    if (this.closed) return Promise.reject(new Error('the document check threads are closed'));
    // Shared memory: the thread reads the very bytes, without a copy made for the message. Bytes read with
    // readBounded's `shared` are there already; others are copied there once.
    let shared: Uint8Array = bytes;
    if (!(bytes.buffer instanceof SharedArrayBuffer)) {
      shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
      shared.set(bytes);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes: shared, settings, sniffed: null, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; files queued or being checked are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('the document check threads are closed');
    for (const task of this.queue.splice(0)) task.reject(closed);
    for (const slot of this.all) this.settle(slot, { error: closed });
    await Promise.all([...this.all].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.idle.pop();
      if (!slot) {
        if (this.live >= this.limits.threads) return;
        slot = this.spawn();
      }
      this.run(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, retired: false };
    this.all.add(slot);
    this.live++;
    worker.on('message', (message: ThreadMessage) => this.received(slot, message));
    worker.on('error', (error: Error & { code?: string }) => this.crashed(slot, error));
    worker.on('exit', (code) => this.exited(slot, code));
    return slot;
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    // Referenced only while it works, so an idle pool never keeps a process alive.
    slot.worker.ref();
    task.timer = setTimeout(() => this.timedOut(slot), this.limits.timeoutMs);
    slot.worker.postMessage({ bytes: task.bytes, settings: task.settings });
  }

  private received(slot: Slot, message: ThreadMessage): void {
    const task = slot.task;
    if (!task || slot.retired) return;
    if (message.kind === 'sniffed') {
      task.sniffed = message.sniffed;
      return;
    }
    clearTimeout(task.timer);
    slot.task = undefined;
    slot.worker.unref();
    this.idle.push(slot);
    if (message.kind === 'done') task.resolve({ sniffed: task.sniffed, findings: message.findings });
    else task.reject(new Error(message.message));
    this.dispatch();
  }

  private timedOut(slot: Slot): void {
    this.settle(slot, { finding: tooComplex(`the check took longer than ${seconds(this.limits.timeoutMs)}`) });
    void this.retire(slot);
  }

  private crashed(slot: Slot, error: Error & { code?: string }): void {
    // The heap cap is the one crash a file causes by design; anything else is a fault of the worker, for a retry.
    this.settle(
      slot,
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { finding: tooComplex(`the check needed more than ${this.limits.memoryMb} MB`) } : { error },
    );
    slot.retired = true;
  }

  private exited(slot: Slot, code: number): void {
    this.settle(slot, { error: new Error(`a document check thread exited (code ${code})`) });
    slot.retired = true;
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    this.all.delete(slot);
    // Only now is the thread's memory gone, so only now may another take its place.
    this.live--;
    this.dispatch();
  }

  /** Answers the slot's task, if it still has one: with the verdict for a file that was too much, or the error. */
  private settle(slot: Slot, outcome: { finding: DocumentFinding } | { error: Error }): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(task.timer);
    slot.task = undefined;
    if ('error' in outcome) task.reject(outcome.error);
    else task.resolve({ sniffed: task.sniffed, findings: [outcome.finding] });
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    await slot.worker.terminate();
  }
}

const tooComplex = (detail: string): DocumentFinding => ({ reason: DocumentCheckReason.DOCUMENT_TOO_COMPLEX, detail });

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
