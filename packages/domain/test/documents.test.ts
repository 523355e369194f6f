import {
  AllowedFileType,
  DEFAULT_ALLOWED_FILE_TYPES,
  DocumentCheckReason,
  DocumentFacts,
  isAcceptableFileName,
  judgeDocument,
} from '../src';

const PDF = { mime: 'application/pdf', ext: 'pdf' };
const DOCX = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
const EXE = { mime: 'application/x-msdownload', ext: 'exe' };

function facts(overrides: Partial<DocumentFacts>): DocumentFacts {
  return { sizeBytes: 1234, originalName: 'laporan.pdf', declaredMime: 'application/pdf', sniffed: PDF, ...overrides };
}

describe('judgeDocument', () => {
  it('accepts a real PDF named .pdf and declared as PDF', () => {
    expect(judgeDocument(facts({}))).toEqual({ accepted: true, reasons: [] });
  });

  it('rejects an empty file as EMPTY_FILE whatever else is true', () => {
    expect(judgeDocument(facts({ sizeBytes: 0 }))).toEqual({ accepted: false, reasons: [DocumentCheckReason.EMPTY_FILE] });
    expect(judgeDocument(facts({ sizeBytes: 0, sniffed: null }))).toEqual({
      accepted: false,
      reasons: [DocumentCheckReason.EMPTY_FILE],
    });
  });

  it('rejects content no signature matched as UNKNOWN_TYPE', () => {
    expect(judgeDocument(facts({ sniffed: null }))).toEqual({ accepted: false, reasons: [DocumentCheckReason.UNKNOWN_TYPE] });
  });

  it('catches an executable renamed to report.pdf and declared as a PDF', () => {
    const verdict = judgeDocument(facts({ originalName: 'report.pdf', declaredMime: 'application/pdf', sniffed: EXE }));
    expect(verdict).toEqual({ accepted: false, reasons: [DocumentCheckReason.TYPE_NOT_ALLOWED] });
  });

  it('flags a real PDF named .docx as DECLARED_TYPE_MISMATCH', () => {
    const verdict = judgeDocument(facts({ originalName: 'laporan.docx', declaredMime: null, sniffed: PDF }));
    expect(verdict).toEqual({ accepted: false, reasons: [DocumentCheckReason.DECLARED_TYPE_MISMATCH] });
  });

  it('flags a file without extension as DECLARED_TYPE_MISMATCH', () => {
    expect(judgeDocument(facts({ originalName: 'laporan', declaredMime: null })).reasons).toEqual([
      DocumentCheckReason.DECLARED_TYPE_MISMATCH,
    ]);
  });

  it('flags a declared MIME type that differs from the content', () => {
    const verdict = judgeDocument(facts({ declaredMime: 'image/png' }));
    expect(verdict).toEqual({ accepted: false, reasons: [DocumentCheckReason.DECLARED_TYPE_MISMATCH] });
  });

  it('reports the mismatch once when both name and declared MIME disagree', () => {
    const verdict = judgeDocument(facts({ originalName: 'foto.png', declaredMime: 'image/png' }));
    expect(verdict).toEqual({ accepted: false, reasons: [DocumentCheckReason.DECLARED_TYPE_MISMATCH] });
  });

  it.each([null, 'application/octet-stream'])('accepts declared MIME %j as "unknown"', (declaredMime) => {
    expect(judgeDocument(facts({ declaredMime }))).toEqual({ accepted: true, reasons: [] });
  });

  it.each(['LAPORAN.PDF', 'Laporan.Pdf', 'arsip.v2.pdf'])('takes the last extension, case-insensitively: %s', (originalName) => {
    expect(judgeDocument(facts({ originalName })).accepted).toBe(true);
  });

  it('accepts a DOCX and both JPEG extensions', () => {
    expect(judgeDocument(facts({ originalName: 'sk.docx', declaredMime: DOCX.mime, sniffed: DOCX })).accepted).toBe(true);
    const jpeg = { mime: 'image/jpeg', ext: 'jpg' };
    expect(judgeDocument(facts({ originalName: 'foto.jpg', declaredMime: 'image/jpeg', sniffed: jpeg })).accepted).toBe(true);
    expect(judgeDocument(facts({ originalName: 'foto.JPEG', declaredMime: 'image/jpeg', sniffed: jpeg })).accepted).toBe(true);
  });

  it('lists the five default types', () => {
    expect(DEFAULT_ALLOWED_FILE_TYPES.map((t) => t.mime)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('honours a custom allowlist', () => {
    const onlyCsv: AllowedFileType[] = [{ mime: 'text/csv', extensions: ['csv'] }];
    const csv = { mime: 'text/csv', ext: 'csv' };
    expect(judgeDocument(facts({ originalName: 'data.csv', declaredMime: 'text/csv', sniffed: csv }), onlyCsv)).toEqual({
      accepted: true,
      reasons: [],
    });
    expect(judgeDocument(facts({}), onlyCsv)).toEqual({ accepted: false, reasons: [DocumentCheckReason.TYPE_NOT_ALLOWED] });
    expect(judgeDocument(facts({ originalName: 'data.txt', declaredMime: null, sniffed: csv }), onlyCsv)).toEqual({
      accepted: false,
      reasons: [DocumentCheckReason.DECLARED_TYPE_MISMATCH],
    });
  });

  it('rejects everything with an empty allowlist', () => {
    expect(judgeDocument(facts({}), [])).toEqual({ accepted: false, reasons: [DocumentCheckReason.TYPE_NOT_ALLOWED] });
  });
});

describe('isAcceptableFileName', () => {
  it.each([
    'laporan.pdf',
    'Laporan Tahunan 2026.pdf',
    'Notulen rapat koordinasi RANHAM (final).docx',
    'Daftar hadir – Dinas Sosial.xlsx',
    'Laporan Déjà.pdf',
    'Foto kegiatan 📷.jpg',
    '報告.pdf',
    'a',
    '.hidden',
    'x'.repeat(255),
  ])('accepts %j', (name) => {
    expect(isAcceptableFileName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['tab only', '\t'],
    ['slash', 'a/b.pdf'],
    ['leading slash', '/etc/passwd'],
    ['backslash', 'a\\b.pdf'],
    ['dot-dot', '..'],
    ['dot-dot inside', 'laporan..pdf'],
    ['traversal', '../../secret.pdf'],
    ['single dot', '.'],
    ['NUL', 'laporan\u0000.pdf'],
    ['newline', 'laporan\n.pdf'],
    ['carriage return', 'laporan\r.pdf'],
    ['DEL', 'laporan\u007f.pdf'],
    ['C1 control', 'laporan\u0085.pdf'],
    ['escape', '\u001b[31mred.pdf'],
    ['256 characters', 'x'.repeat(256)],
  ])('rejects %s', (_label, name) => {
    expect(isAcceptableFileName(name)).toBe(false);
  });
});
