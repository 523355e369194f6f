import {
  AllowedFileType,
  allowedFileTypes,
  DEFAULT_ALLOWED_FILE_TYPES,
  describeDocumentCheck,
  DOCUMENT_CHECK_MESSAGES,
  DOCUMENT_FLAG_REASONS,
  DocumentCheckReason,
  DocumentFacts,
  FILE_TYPE_NAMES,
  isAcceptableFileName,
  isFileTypeName,
  isFlagReason,
  judgeDocument,
} from '../src';

const PDF = { mime: 'application/pdf', ext: 'pdf' };
const DOCX = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
const EXE = { mime: 'application/x-msdownload', ext: 'exe' };

const CLEAN = { accepted: true, reasons: [], flags: [], details: {} };
const rejected = (...reasons: DocumentCheckReason[]) => ({ accepted: false, reasons, flags: [], details: {} });

function facts(overrides: Partial<DocumentFacts>): DocumentFacts {
  return { sizeBytes: 1234, originalName: 'laporan.pdf', declaredMime: 'application/pdf', sniffed: PDF, ...overrides };
}

describe('judgeDocument', () => {
  it('accepts a real PDF named .pdf and declared as PDF', () => {
    expect(judgeDocument(facts({}))).toEqual(CLEAN);
  });

  it('rejects an empty file as EMPTY_FILE whatever else is true', () => {
    expect(judgeDocument(facts({ sizeBytes: 0 }))).toEqual(rejected(DocumentCheckReason.EMPTY_FILE));
    expect(judgeDocument(facts({ sizeBytes: 0, sniffed: null }))).toEqual(rejected(DocumentCheckReason.EMPTY_FILE));
  });

  it('rejects content no signature matched as UNKNOWN_TYPE', () => {
    expect(judgeDocument(facts({ sniffed: null }))).toEqual(rejected(DocumentCheckReason.UNKNOWN_TYPE));
  });

  it('catches an executable renamed to report.pdf and declared as a PDF', () => {
    const verdict = judgeDocument(facts({ originalName: 'report.pdf', declaredMime: 'application/pdf', sniffed: EXE }));
    expect(verdict).toEqual(rejected(DocumentCheckReason.TYPE_NOT_ALLOWED));
  });

  it('flags a real PDF named .docx as DECLARED_TYPE_MISMATCH', () => {
    const verdict = judgeDocument(facts({ originalName: 'laporan.docx', declaredMime: null, sniffed: PDF }));
    expect(verdict).toEqual(rejected(DocumentCheckReason.DECLARED_TYPE_MISMATCH));
  });

  it('flags a file without extension as DECLARED_TYPE_MISMATCH', () => {
    expect(judgeDocument(facts({ originalName: 'laporan', declaredMime: null })).reasons).toEqual([
      DocumentCheckReason.DECLARED_TYPE_MISMATCH,
    ]);
  });

  it('flags a declared MIME type that differs from the content', () => {
    const verdict = judgeDocument(facts({ declaredMime: 'image/png' }));
    expect(verdict).toEqual(rejected(DocumentCheckReason.DECLARED_TYPE_MISMATCH));
  });

  it('reports the mismatch once when both name and declared MIME disagree', () => {
    const verdict = judgeDocument(facts({ originalName: 'foto.png', declaredMime: 'image/png' }));
    expect(verdict).toEqual(rejected(DocumentCheckReason.DECLARED_TYPE_MISMATCH));
  });

  it.each([null, 'application/octet-stream'])('accepts declared MIME %j as "unknown"', (declaredMime) => {
    expect(judgeDocument(facts({ declaredMime }))).toEqual(CLEAN);
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
    expect(judgeDocument(facts({ originalName: 'data.csv', declaredMime: 'text/csv', sniffed: csv }), onlyCsv)).toEqual(CLEAN);
    expect(judgeDocument(facts({}), onlyCsv)).toEqual(rejected(DocumentCheckReason.TYPE_NOT_ALLOWED));
    expect(judgeDocument(facts({ originalName: 'data.txt', declaredMime: null, sniffed: csv }), onlyCsv)).toEqual(rejected(DocumentCheckReason.DECLARED_TYPE_MISMATCH));
  });

  it('rejects everything with an empty allowlist', () => {
    expect(judgeDocument(facts({}), [])).toEqual(rejected(DocumentCheckReason.TYPE_NOT_ALLOWED));
  });
});

describe('judgeDocument with content findings', () => {
  const R = DocumentCheckReason;

  it('rejects a file over the upload limit as FILE_TOO_LARGE alone, with the sizes as detail', () => {
    expect(judgeDocument(facts({ sizeBytes: 101, maxSizeBytes: 100, sniffed: null }))).toEqual({
      accepted: false,
      reasons: [R.FILE_TOO_LARGE],
      flags: [],
      details: { FILE_TOO_LARGE: '101 > 100 bytes' },
    });
    expect(judgeDocument(facts({ sizeBytes: 100, maxSizeBytes: 100 }))).toEqual(CLEAN);
  });

  it('an empty file stays EMPTY_FILE alone even with findings', () => {
    expect(judgeDocument(facts({ sizeBytes: 0, findings: [{ reason: R.SCAN_FAILED }] }))).toEqual(rejected(R.EMPTY_FILE));
  });

  it('accepts a document whose only findings are flags, keeping them apart with their details', () => {
    const verdict = judgeDocument(
      facts({ findings: [{ reason: R.PDF_EMBEDDED_FILES, detail: 'EmbeddedFiles' }, { reason: R.PDF_JAVASCRIPT }] }),
    );
    expect(verdict).toEqual({
      accepted: true,
      reasons: [],
      flags: [R.PDF_JAVASCRIPT, R.PDF_EMBEDDED_FILES],
      details: { PDF_EMBEDDED_FILES: 'EmbeddedFiles' },
    });
  });

  it('rejects on a structural finding and still reports the flags', () => {
    const verdict = judgeDocument(facts({ findings: [{ reason: R.PDF_JAVASCRIPT }, { reason: R.PDF_NO_PAGES }] }));
    expect(verdict).toMatchObject({ accepted: false, reasons: [R.PDF_NO_PAGES], flags: [R.PDF_JAVASCRIPT] });
  });

  it('combines type reasons with findings in a fixed order, without duplicates, first detail kept', () => {
    const verdict = judgeDocument(
      facts({
        declaredMime: 'image/png',
        findings: [
          { reason: R.MALWARE_FOUND, detail: 'Eicar-Signature' },
          { reason: R.PDF_UNREADABLE, detail: 'no %%EOF' },
          { reason: R.MALWARE_FOUND, detail: 'second' },
        ],
      }),
    );
    expect(verdict).toEqual({
      accepted: false,
      reasons: [R.DECLARED_TYPE_MISMATCH, R.PDF_UNREADABLE, R.MALWARE_FOUND],
      flags: [],
      details: { MALWARE_FOUND: 'Eicar-Signature', PDF_UNREADABLE: 'no %%EOF' },
    });
  });

  it('reports malware in a file of unknown or disallowed type next to the type reason', () => {
    expect(judgeDocument(facts({ sniffed: null, findings: [{ reason: R.MALWARE_FOUND }] })).reasons).toEqual([
      R.UNKNOWN_TYPE,
      R.MALWARE_FOUND,
    ]);
    expect(judgeDocument(facts({ sniffed: EXE, findings: [{ reason: R.MALWARE_FOUND }] })).reasons).toEqual([
      R.TYPE_NOT_ALLOWED,
      R.MALWARE_FOUND,
    ]);
  });

  it('fails closed: SCAN_FAILED rejects an otherwise clean document', () => {
    expect(judgeDocument(facts({ findings: [{ reason: R.SCAN_FAILED, detail: 'timeout' }] }))).toEqual({
      accepted: false,
      reasons: [R.SCAN_FAILED],
      flags: [],
      details: { SCAN_FAILED: 'timeout' },
    });
  });

  it.each(Object.values(DocumentCheckReason).filter((r) => !DOCUMENT_FLAG_REASONS.has(r) && r !== R.EMPTY_FILE && r !== R.FILE_TOO_LARGE))(
    '%s as a finding rejects the document',
    (reason) => {
      expect(judgeDocument(facts({ findings: [{ reason }] }))).toMatchObject({ accepted: false, reasons: [reason], flags: [] });
    },
  );

  it('has exactly four flag reasons: PDF JavaScript, embedded files, trailing data, and an unscanned file', () => {
    expect([...DOCUMENT_FLAG_REASONS].sort()).toEqual([R.PDF_EMBEDDED_FILES, R.PDF_JAVASCRIPT, R.PDF_TRAILING_DATA, R.UNSCANNED]);
    expect(isFlagReason(R.UNSCANNED)).toBe(true);
    expect(isFlagReason(R.DOCUMENT_TOO_COMPLEX)).toBe(false);
    expect(isFlagReason(R.PDF_JAVASCRIPT)).toBe(true);
    expect(isFlagReason(R.PDF_ENCRYPTED)).toBe(false);
  });
});

describe('document check messages', () => {
  it.each(Object.values(DocumentCheckReason))('%s has a distinct Indonesian and English message', (reason) => {
    const { id, en } = DOCUMENT_CHECK_MESSAGES[reason];
    expect(id.length).toBeGreaterThan(10);
    expect(en.length).toBeGreaterThan(10);
    expect(id).not.toEqual(en);
    expect(id).not.toMatch(/\.$/);
    expect(en).not.toMatch(/\.$/);
  });

  it('has no two reasons sharing a message', () => {
    const ids = Object.values(DOCUMENT_CHECK_MESSAGES).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes in Indonesian by default, English on request, with the detail in parentheses', () => {
    expect(describeDocumentCheck(DocumentCheckReason.PDF_NO_PAGES)).toBe('PDF tidak memiliki halaman.');
    expect(describeDocumentCheck(DocumentCheckReason.PDF_NO_PAGES, 'en')).toBe('The PDF has no pages.');
    expect(describeDocumentCheck(DocumentCheckReason.MALWARE_FOUND, 'id', 'Eicar-Signature')).toBe(
      'Pemindai antivirus menemukan malware di berkas ini; jangan unggah berkas ini lagi (Eicar-Signature).',
    );
  });
});

describe('the file type catalogue', () => {
  it('names the five checkable types', () => {
    expect(FILE_TYPE_NAMES).toEqual(['pdf', 'jpeg', 'png', 'docx', 'xlsx']);
    expect(isFileTypeName('pdf')).toBe(true);
    expect(isFileTypeName('gif')).toBe(false);
    expect(isFileTypeName('constructor')).toBe(false);
  });

  it('builds an allowlist in catalogue order without duplicates', () => {
    expect(allowedFileTypes(['png', 'pdf', 'png']).map((t) => t.mime)).toEqual(['application/pdf', 'image/png']);
    expect(allowedFileTypes([])).toEqual([]);
  });

  it('a narrowed allowlist rejects what it leaves out', () => {
    const onlyPdf = allowedFileTypes(['pdf']);
    expect(judgeDocument(facts({}), onlyPdf)).toEqual(CLEAN);
    const docx = facts({ originalName: 'sk.docx', declaredMime: DOCX.mime, sniffed: DOCX });
    expect(judgeDocument(docx, onlyPdf)).toEqual(rejected(DocumentCheckReason.TYPE_NOT_ALLOWED));
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
    ['right-to-left override (shows as "laporanexe.pdf")', 'laporan\u202Efdp.exe'],
    ['left-to-right mark', 'laporan\u200E.pdf'],
    ['right-to-left isolate', 'laporan\u2067.pdf'],
    ['Arabic letter mark', 'laporan\u061C.pdf'],
    ['lone surrogate', 'laporan\uD800.pdf'],
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
