import { nodeFlagsOf } from '@peduli/devservices';
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRunMessage, ReportRunResult } from '../report-render-process';
import { round, ScenarioResult } from '../results';

const DOCUMENTS = Number(process.env.BENCH_REPORTS ?? 514);
/** One rendering process per core, as a national run would be spread over report-worker processes. */
const PROCESSES = Number(process.env.BENCH_REPORT_PROCESSES ?? availableParallelism());

interface SideResult {
  documents: number;
  /** From `go` to the last process's result. */
  seconds: number;
  bytes: number;
  /** The largest peak RSS of the processes. */
  peakRssMb: number;
  /** Documents per second of each process on its own share. */
  perProcess: number[];
}

function start(mode: 'pdf' | 'text', share: number, outDir: string): { child: ChildProcess; ready: Promise<void>; result: Promise<ReportRunResult> } {
  const script = join(__dirname, '..', 'report-render-process.js');
  const child = fork(script, [mode, String(DOCUMENTS), String(share), String(PROCESSES), outDir], {
    stdio: 'inherit',
    // The flags the report worker runs with in production, so its peak RSS is the one measured here.
    execArgv: [...nodeFlagsOf('report-worker')],
  });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<ReportRunResult>((resolve, reject) => {
    let received: ReportRunResult | undefined;
    child.on('message', (message: ReportRunMessage) => {
      if ('ready' in message) markReady();
      else received = message.result;
    });
    child.on('error', reject);
    child.on('exit', (code) => (received && code === 0 ? resolve(received) : reject(new Error(`report ${mode} process ${share} exited with ${code}`))));
  });
  // A process that dies before it is ready must fail the run rather than leave it waiting.
  result.catch(() => markReady());
  return { child, ready, result };
}

async function runSide(mode: 'pdf' | 'text', outDir: string): Promise<SideResult> {
  const processes = Array.from({ length: PROCESSES }, (_, share) => start(mode, share, outDir));
  try {
    await Promise.all(processes.map((process) => process.ready));
    const started = process.hrtime.bigint();
    for (const { child } of processes) child.send('go');
    const results = await Promise.all(processes.map((process) => process.result));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      documents: results.reduce((sum, result) => sum + result.documents, 0),
      seconds,
      bytes: results.reduce((sum, result) => sum + result.bytes, 0),
      peakRssMb: Math.max(...results.map((result) => result.peakRssMb)),
      perProcess: results.map((result) => round(result.documents / result.seconds, 2)),
    };
  } finally {
    for (const { child } of processes) if (child.exitCode === null) child.kill();
  }
}

/**
 * `reports`: a national run of KKP HAM score reports (514 regencies/cities × 120 indicators) rendered to PDF and
 * written to files by one process per core, each taking every n-th report one after another as a report worker does;
 * against the same processes writing the same words and figures as plain text files.
 */
export async function reportsScenario(): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), 'peduli-bench-reports-'));
  try {
    const text = await runSide('text', dir);
    const pdf = await runSide('pdf', dir);
    const value = pdf.documents / pdf.seconds;
    const baseline = text.documents / text.seconds;
    return {
      value: round(value, 2),
      unit: 'PDFs/s',
      baseline: round(baseline, 1),
      ratio: round(value / baseline, 4),
      documents: pdf.documents,
      processes: PROCESSES,
      pdfSeconds: round(pdf.seconds, 2),
      pdfPerProcess: pdf.perProcess,
      msPerPdfInOneProcess: round((1000 * PROCESSES * pdf.seconds) / pdf.documents, 1),
      meanPdfKb: round(pdf.bytes / pdf.documents / 1024, 1),
      pdfPeakRssMb: round(pdf.peakRssMb, 1),
      textSeconds: round(text.seconds, 3),
      meanTextKb: round(text.bytes / text.documents / 1024, 1),
      textPeakRssMb: round(text.peakRssMb, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
