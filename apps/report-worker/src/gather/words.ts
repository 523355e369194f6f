import { AnswerValue, RanhamReporterLevel, RETURN_REASON_MESSAGES, ReturnReason } from '@peduli/domain';

/** The printed documents' words for codes the database keeps: Indonesian, as the documents are. */
const BAND_WORDS: Readonly<Record<string, string>> = {
  PEDULI: 'Peduli HAM',
  CUKUP_PEDULI: 'Cukup Peduli HAM',
  MULAI_PEDULI: 'Mulai Peduli HAM',
  KURANG_PEDULI: 'Kurang Peduli HAM',
  MEMENUHI_TARGET: 'Memenuhi target',
  BELUM_MEMENUHI_TARGET: 'Belum memenuhi target',
};

const LEVEL_WORDS: Readonly<Record<RanhamReporterLevel, string>> = {
  KL: 'Kementerian/Lembaga',
  PROVINCE: 'Provinsi',
  KABKOTA: 'Kabupaten/Kota',
};

/** A KKP HAM band or a RANHAM standing in words; an unknown code (a band a newer version named) stays as it is. */
export function bandWords(code: string): string {
  return BAND_WORDS[code] ?? code;
}

export function levelWords(level: RanhamReporterLevel): string {
  return LEVEL_WORDS[level];
}

/** A rejection reason code in words; a code the domain does not know is printed as it was recorded. */
export function reasonWords(code: string): string {
  return RETURN_REASON_MESSAGES[code as ReturnReason]?.id ?? code;
}

/** An answer as the unit typed it, in words: "Ya", "82,5", the text, or "Belum dijawab". */
export function answerWords(value: AnswerValue | undefined): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return 'Belum dijawab';
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value;
}

/** A RANHAM measure's answer in words: a percentage as "75%", a yes/no as "Tercapai"/"Tidak tercapai". */
export function achievementWords(value: AnswerValue | undefined, answerType: string, target?: number): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return 'Belum dijawab';
  if (typeof value === 'boolean') return value ? 'Tercapai' : 'Tidak tercapai';
  if (typeof value === 'number' && answerType === 'PERCENT') return `${answerWords(value)}%`;
  if (typeof value === 'number' && answerType === 'NUMBER' && target !== undefined) return `${answerWords(value)} dari ${answerWords(target)}`;
  return answerWords(value);
}

/** "Permen HAM 2025 (versi 3)". */
export function frameworkWords(label: string, version: number): string {
  return `${label} (versi ${version})`;
}
