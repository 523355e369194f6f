import { eventually } from '@peduli/testkit';
import { nestedFlatePdf } from '../../apps/document-worker/test/support/bombs';
import * as corpus from '../../apps/document-worker/test/support/corpus';
import { FakeClamd } from '../../apps/document-worker/test/support/fake-clamd';
import { RunningSystem, startSystem, uploadEvidence } from './system';

interface DocumentView {
  originalName: string;
  status: string;
  sniffedMime: string | null;
  checkReasons: string[];
  checkFlags: string[];
}

interface CorpusCase {
  name: string;
  data: Buffer;
  mime: string;
  status: 'ACCEPTED' | 'REJECTED';
  sniffed: string | null;
  reasons?: string[];
  flags?: string[];
}

const UPLOAD_LIMIT = 3 * 1024 * 1024;

/**
 * Every kind of file the document-worker judges, uploaded through the API to a system of separate processes (API,
 * workers, a clamd speaking the real protocol on loopback), and the verdict the worker gives each one.
 */
describe('evidence corpus through the API and the document-worker', () => {
  let system: RunningSystem;
  let clamd: FakeClamd;

  beforeAll(async () => {
    clamd = await FakeClamd.start();
    // The API and the document-worker: the file ends at the check's verdict (CHECK_FAILED), which nothing scores.
    system = await startSystem({ CLAMD_URL: clamd.url, MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT), DOCUMENT_MAX_IMAGE_PIXELS: '1000000' }, { roles: ['document-worker'] });
  });
  afterAll(async () => {
    await system?.stop();
    await clamd?.stop();
  });

  it('gives every file its verdict: accepted, flagged, or rejected with the reason', async () => {
    const M = corpus.MIME;
    const cases: CorpusCase[] = [
      { name: 'a1-valid.pdf', data: corpus.validPdf(), mime: M.pdf, status: 'ACCEPTED', sniffed: M.pdf },
      { name: 'a2-valid.png', data: await corpus.validPng(), mime: M.png, status: 'ACCEPTED', sniffed: M.png },
      { name: 'a3-valid.jpg', data: await corpus.validJpeg(), mime: M.jpeg, status: 'ACCEPTED', sniffed: M.jpeg },
      { name: 'a4-valid.docx', data: await corpus.validDocx(), mime: M.docx, status: 'ACCEPTED', sniffed: M.docx },
      { name: 'a5-valid.xlsx', data: await corpus.validXlsx(), mime: M.xlsx, status: 'ACCEPTED', sniffed: M.xlsx },
      { name: 'b1-empty.pdf', data: Buffer.alloc(0), mime: M.pdf, status: 'REJECTED', sniffed: null, reasons: ['EMPTY_FILE'] },
      { name: 'b2-program.pdf', data: corpus.EXE, mime: M.pdf, status: 'REJECTED', sniffed: 'application/x-msdownload', reasons: ['TYPE_NOT_ALLOWED'] },
      { name: 'b3-foto.png', data: await corpus.validPng(), mime: M.pdf, status: 'REJECTED', sniffed: M.png, reasons: ['DECLARED_TYPE_MISMATCH'] },
      { name: 'b5-animasi.gif', data: corpus.GIF, mime: M.gif, status: 'REJECTED', sniffed: M.gif, reasons: ['TYPE_NOT_ALLOWED'] },
      { name: 'b7-catatan.txt', data: corpus.TEXT, mime: 'text/plain', status: 'REJECTED', sniffed: null, reasons: ['UNKNOWN_TYPE'] },
      { name: 'c1-terpotong.pdf', data: corpus.truncatedPdf(), mime: M.pdf, status: 'REJECTED', sniffed: M.pdf, reasons: ['PDF_UNREADABLE'] },
      { name: 'c2-tanpa-halaman.pdf', data: corpus.zeroPagePdf(), mime: M.pdf, status: 'REJECTED', sniffed: M.pdf, reasons: ['PDF_NO_PAGES'] },
      { name: 'c3-terkunci.pdf', data: await corpus.encryptedPdf(), mime: M.pdf, status: 'REJECTED', sniffed: M.pdf, reasons: ['PDF_ENCRYPTED'] },
      { name: 'c4-skrip.pdf', data: corpus.openActionJavascriptPdf(), mime: M.pdf, status: 'ACCEPTED', sniffed: M.pdf, flags: ['PDF_JAVASCRIPT'] },
      { name: 'c5-lampiran.pdf', data: await corpus.embeddedFilePdf(), mime: M.pdf, status: 'ACCEPTED', sniffed: M.pdf, flags: ['PDF_EMBEDDED_FILES'] },
      { name: 'c6-poliglot.pdf', data: Buffer.concat([corpus.validPdf(), await corpus.plainZip()]), mime: M.pdf, status: 'ACCEPTED', sniffed: M.pdf, flags: ['PDF_TRAILING_DATA'] },
      { name: 'c7-bom-flate.pdf', data: await nestedFlatePdf(256), mime: M.pdf, status: 'REJECTED', sniffed: M.pdf, reasons: ['DOCUMENT_TOO_COMPLEX'] },
      { name: 'd1-terpotong.png', data: await corpus.truncatedPng(), mime: M.png, status: 'REJECTED', sniffed: M.png, reasons: ['IMAGE_UNREADABLE'] },
      { name: 'd2-terpotong.jpg', data: await corpus.truncatedJpeg(), mime: M.jpeg, status: 'REJECTED', sniffed: M.jpeg, reasons: ['IMAGE_UNREADABLE'] },
      { name: 'd3-raksasa.png', data: await corpus.largePng(1200, 1000), mime: M.png, status: 'REJECTED', sniffed: M.png, reasons: ['IMAGE_TOO_LARGE'] },
      { name: 'e1-bom.docx', data: await corpus.zipBombDocx(), mime: M.docx, status: 'REJECTED', sniffed: M.docx, reasons: ['ZIP_BOMB'] },
      { name: 'e3-tanpa-content-types.docx', data: await corpus.docxWithoutContentTypes(), mime: M.docx, status: 'REJECTED', sniffed: M.docx, reasons: ['OOXML_INVALID'] },
      { name: 'e4-tanpa-workbook.xlsx', data: await corpus.xlsxWithoutWorkbook(), mime: M.xlsx, status: 'REJECTED', sniffed: M.xlsx, reasons: ['OOXML_INVALID'] },
      { name: 'f1-eicar.pdf', data: corpus.eicarPdf(), mime: M.pdf, status: 'REJECTED', sniffed: M.pdf, reasons: ['MALWARE_FOUND'] },
    ];
    const created = await fetch(`${system.apiUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B04' }),
    });
    const { id } = (await created.json()) as { id: string };
    for (const file of cases) await uploadEvidence(system.apiUrl, system.token, id, file.data, file.name, file.mime, 'LAPORAN');

    // Over the upload limit: refused by the API while streaming, so the worker never sees it.
    const oversize = new FormData();
    oversize.append('documentType', 'LAPORAN');
    oversize.append('file', new Blob([new Uint8Array(UPLOAD_LIMIT + 1)], { type: M.pdf }), 'b8-besar.pdf');
    const refused = await fetch(`${system.apiUrl}/api/v1/submissions/${id}/evidence`, { method: 'POST', body: oversize, headers: { authorization: `Bearer ${system.token}` } });
    expect(refused.status).toBe(400);

    expect((await fetch(`${system.apiUrl}/api/v1/submissions/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${system.token}` } })).status).toBe(200);
    const checked = await eventually(
      'the document-worker has judged the submission',
      async () => {
        const view = (await (await fetch(`${system.apiUrl}/api/v1/submissions/${id}`, { headers: { authorization: `Bearer ${system.token}` } })).json()) as {
          status: string;
          documents: DocumentView[];
        };
        return view.status === 'CHECK_FAILED' ? view : undefined;
      },
      60_000,
    );
    const verdicts = checked.documents.map((d) => ({ name: d.originalName, status: d.status, sniffed: d.sniffedMime, reasons: d.checkReasons, flags: d.checkFlags }));
    expect(verdicts).toEqual(cases.map((c) => ({ name: c.name, status: c.status, sniffed: c.sniffed, reasons: c.reasons ?? [], flags: c.flags ?? [] })));
    // Every file that was read went through clamd.
    expect(clamd.scans.length).toBeGreaterThanOrEqual(cases.length - 1);
  });
});
