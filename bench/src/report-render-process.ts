import { formatDate, formatNumber, formatPoints, formatSigned, KkpScoreReportInput, renderDocument } from '@peduli/report-worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { peakRssMb } from './process-stats';
import { nationalScoreReports } from './report-inputs';

/**
 * One process of one side of `reports`: `pdf` renders its share of the national score reports and writes each to a
 * file, as the report worker does; `text` writes the same words and figures as plain text, the floor any document
 * output pays. It builds its inputs first, says `ready`, and starts on `go`, so loading code is not timed.
 */
export interface ReportRunResult {
  mode: 'pdf' | 'text';
  documents: number;
  seconds: number;
  bytes: number;
  peakRssMb: number;
}

export type ReportRunMessage = { ready: true } | { result: ReportRunResult };

function scoreReportText(input: KkpScoreReportInput): string {
  const lines = [
    `Laporan Nilai Kabupaten/Kota Peduli HAM ${input.year} · ${input.subject.name}, Provinsi ${input.subject.provinceName}`,
    `Versi kerangka ${input.provenance.frameworkVersion}`,
    `Data per ${formatDate(input.provenance.asOf)}`,
    `Hash masukan nilai ${input.provenance.scoreInputHash}`,
    `Nilai akhir ${formatNumber(input.total)}`,
    `Kategori ${input.band}`,
    `Nilai sebelum penyesuaian ${formatNumber(input.baseTotal)}`,
    `Nilai penilaian mandiri ${input.selfAssessedTotal === null ? 'Tidak tersedia' : formatNumber(input.selfAssessedTotal)}`,
  ];
  for (const criterion of input.criteria) {
    lines.push(`Kriteria ${criterion.code}: ${criterion.name} (nilai ${formatNumber(criterion.score)})`);
    for (const line of criterion.indicators) {
      lines.push(
        [line.code, line.text, line.type, line.claimed, line.verified ?? '-', `${formatPoints(line.points)} / ${formatPoints(line.maxPoints)}`, line.rejection ?? '-'].join('\t'),
      );
    }
  }
  for (const line of input.adjustments) lines.push([line.code, line.name, formatSigned(line.applied), line.capped ? 'Ya' : 'Tidak', line.reason ?? '-'].join('\t'));
  if (input.decree) lines.push(`Keputusan Nomor ${input.decree.number} tanggal ${formatDate(input.decree.date)}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const [mode, countText, shareText, sharesText, outDir] = process.argv.slice(2);
  if ((mode !== 'pdf' && mode !== 'text') || !outDir) throw new Error('usage: report-render-process <pdf|text> <count> <share> <shares> <dir>');
  const share = Number(shareText);
  const shares = Number(sharesText);
  const inputs = nationalScoreReports(Number(countText)).filter((_, index) => index % shares === share);
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send!({ ready: true } satisfies ReportRunMessage);
  await go;
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (const input of inputs) {
    const content = mode === 'pdf' ? await renderDocument(input) : Buffer.from(scoreReportText(input), 'utf8');
    await writeFile(join(outDir, `${input.subject.regionCode}.${mode === 'pdf' ? 'pdf' : 'txt'}`), content);
    bytes += content.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: ReportRunResult = { mode, documents: inputs.length, seconds, bytes, peakRssMb: peakRssMb(process.pid) };
  process.send!({ result } satisfies ReportRunMessage, () => process.disconnect());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
