import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRunResult } from '../report-render-process';
import { round, ScenarioResult } from '../results';

const DOCUMENTS = Number(process.env.BENCH_REPORTS ?? 514);

function run(mode: 'pdf' | 'text', outDir: string): Promise<ReportRunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, '..', 'report-render-process.js'), [mode, String(DOCUMENTS), outDir], { stdio: 'inherit' });
    let result: ReportRunResult | undefined;
    child.on('message', (message) => (result = message as ReportRunResult));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`report ${mode} run exited with ${code}`))));
  });
}

/**
 * `reports`: a national run of KKP HAM score reports (514 regencies/cities × 120 indicators) rendered to PDF and
 * written to files one after another, as one report worker does; against writing the same words and figures as plain
 * text files. Each side runs in its own fresh process, so its time includes warming up and its peak RSS is its own.
 */
export async function reportsScenario(): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), 'peduli-bench-reports-'));
  try {
    const text = await run('text', dir);
    const pdf = await run('pdf', dir);
    const value = pdf.documents / pdf.seconds;
    const baseline = text.documents / text.seconds;
    return {
      value: round(value, 2),
      unit: 'PDFs/s',
      baseline: round(baseline, 1),
      ratio: round(value / baseline, 4),
      documents: pdf.documents,
      pdfSeconds: round(pdf.seconds, 2),
      msPerPdf: round((pdf.seconds * 1000) / pdf.documents, 1),
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
