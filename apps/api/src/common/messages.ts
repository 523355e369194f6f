import type { Bilingual, Locale } from '@peduli/domain';

/** User-facing messages, Indonesian first. Placeholders look like {name}. */
export const MESSAGES = {
  'request.invalid': { id: 'Permintaan tidak valid. Perbaiki isian berikut.', en: 'The request is invalid. Fix the fields below.' },
  'request.malformedJson': {
    id: 'Isi permintaan bukan JSON yang valid: {detail}',
    en: 'The request body is not valid JSON: {detail}',
  },
  'request.tooLarge': { id: 'Isi permintaan terlalu besar (maksimum {limit}).', en: 'The request body is too large (limit {limit}).' },
  'request.unsupportedMediaType': {
    id: 'Jenis isi permintaan tidak didukung: kirim {expected}.',
    en: 'Unsupported request content type: send {expected}.',
  },
  'route.notFound': { id: 'Alamat {path} tidak ditemukan.', en: 'No route matches {path}.' },
  'internal': { id: 'Terjadi kesalahan pada server. Sebutkan kode permintaan {requestId} saat melapor.', en: 'Something went wrong on the server. Quote request id {requestId} when reporting it.' },
  'region.notFound': { id: 'Kabupaten/kota dengan kode {code} tidak ditemukan.', en: 'No regency or city has code {code}.' },
  'submission.notFound': { id: 'Laporan {id} tidak ditemukan.', en: 'Submission {id} was not found.' },
  'submission.notSubmittable': {
    id: 'Laporan berstatus {status} tidak dapat dikirim. Laporan hanya dapat dikirim dari status {allowed}.',
    en: 'A submission in status {status} cannot be submitted. Only {allowed} submissions can be submitted.',
  },
  'submission.notEditable': {
    id: 'Dokumen tidak dapat ditambahkan pada laporan berstatus {status}.',
    en: 'Documents cannot be added to a submission in status {status}.',
  },
  'submission.periodMismatch': {
    id: 'Periode {periodKey} bukan periode program {programme}. Contoh yang benar: {example}.',
    en: 'Period {periodKey} is not a period of programme {programme}. A valid example: {example}.',
  },
  'upload.noFile': { id: 'Tidak ada berkas. Kirim satu berkas pada kolom "file" (multipart/form-data).', en: 'No file. Send one file in the "file" field (multipart/form-data).' },
  'upload.tooManyFiles': { id: 'Kirim satu berkas per permintaan.', en: 'Send one file per request.' },
  'upload.tooLarge': { id: 'Berkas melebihi batas {limit}.', en: 'The file exceeds the limit of {limit}.' },
  'upload.truncated': { id: 'Unggahan terputus atau rusak; kirim ulang berkasnya.', en: 'The upload was cut off or malformed; send the file again.' },
  'upload.badFileName': {
    id: 'Nama berkas tidak boleh mengandung garis miring, karakter kontrol, atau "..", dan maksimal 255 karakter.',
    en: 'The file name must not contain slashes, control characters or "..", and must be at most 255 characters.',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Problems with one field, from class-validator constraint names. */
const FIELD_PROBLEMS: Record<string, Bilingual> = {
  whitelistValidation: { id: 'kolom ini tidak dikenal; hapus kolom ini', en: 'unknown field; remove it' },
  isDefined: { id: 'wajib diisi', en: 'is required' },
  isNotEmpty: { id: 'wajib diisi', en: 'is required' },
  isString: { id: 'harus berupa teks', en: 'must be a string' },
  isInt: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  min: { id: 'terlalu kecil', en: 'is too small' },
  max: { id: 'terlalu besar', en: 'is too large' },
  isEnum: { id: 'harus salah satu dari: {values}', en: 'must be one of: {values}' },
  isEmail: { id: 'harus berupa alamat email yang valid', en: 'must be a valid email address' },
  matches: { id: 'formatnya salah; contoh: {example}', en: 'has the wrong format; example: {example}' },
  isObject: { id: 'harus berupa objek JSON', en: 'must be a JSON object' },
  isAnswers: {
    id: 'harus berupa objek {kodeIndikator: nilai}, nilai berupa angka, ya/tidak, teks, atau null',
    en: 'must be an object {indicatorCode: value} with number, true/false, text or null values',
  },
  maxLength: { id: 'terlalu panjang', en: 'is too long' },
};

export function translateFieldProblem(
  constraint: string,
  fallback: string,
  locale: Locale,
  context: Record<string, string> = {},
): string {
  const template = FIELD_PROBLEMS[constraint]?.[locale];
  if (!template) return fallback;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => context[name] ?? match);
}
