import type { Locale } from '@peduli/domain';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export class MissingTemplateVariableError extends Error {
  constructor(readonly template: string, readonly variable: string) {
    super(`Template "${template}" needs the variable "${variable}"`);
  }
}

type Vars = Record<string, string | number>;

interface TemplateDefinition {
  variables: readonly string[];
  /** Variables that must be given but may be empty (a sentence said only sometimes). */
  optional?: readonly string[];
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

/**
 * Bodies are plain text with {placeholders}; HTML is derived (escaped) so the two never drift apart. `{n|one|other}`
 * says `one` when the number n is 1 and `other` otherwise, because English nouns and verbs agree with their count
 * ("in 1 day", "2 units have"); Indonesian needs no such form.
 */
const TEMPLATES = {
  'submission-scored': {
    variables: ['regionName', 'periodKey', 'total', 'band', 'link'],
    subject: {
      id: 'Skor sementara {regionName} untuk periode {periodKey}',
      en: 'Provisional score for {regionName}, period {periodKey}',
    },
    body: {
      id:
        'Yth. Bapak/Ibu,\n\nLaporan {regionName} untuk periode {periodKey} telah diperiksa dan diberi skor sementara ' +
        '{total} ({band}). Skor ini masih menunggu verifikasi; hasil akhirnya ditetapkan pada verifikasi pusat.\n\nLihat rincian: {link}\n\nPeduli',
      en:
        'Dear colleague,\n\nThe report of {regionName} for period {periodKey} has been checked and given a provisional ' +
        'score of {total} ({band}). The score still awaits verification; the central verification settles the final result.\n\nSee the details: {link}\n\nPeduli',
    },
  },
  // The score notice of a report the centre has verified (the last review stage), instead of the provisional one.
  'submission-verified': {
    variables: ['regionName', 'periodKey', 'total', 'band', 'link'],
    subject: {
      id: 'Laporan {regionName} periode {periodKey} telah diverifikasi pusat',
      en: 'The {regionName} report for period {periodKey} is verified centrally',
    },
    body: {
      id:
        'Yth. Bapak/Ibu,\n\nLaporan {regionName} untuk periode {periodKey} telah diverifikasi pada tahap pusat (Direktorat ' +
        'Jenderal HAM) dengan skor {total} ({band}). Nilai terverifikasi, bila ada, menggantikan isian laporan dalam skor ini.' +
        '\n\nLihat rincian: {link}\n\nPeduli',
      en:
        'Dear colleague,\n\nThe report of {regionName} for period {periodKey} has been verified at the central stage (the ' +
        'Directorate General of Human Rights) with a score of {total} ({band}). Verified values, where set, count instead of ' +
        'the reported ones.\n\nSee the details: {link}\n\nPeduli',
    },
  },
  'submission-check-failed': {
    variables: ['regionName', 'periodKey', 'problems', 'link'],
    subject: {
      id: 'Dokumen laporan {regionName} ({periodKey}) perlu diperbaiki',
      en: 'Documents of the {regionName} report ({periodKey}) need fixing',
    },
    body: {
      id:
        'Yth. Bapak/Ibu,\n\nPemeriksaan dokumen pendukung laporan {regionName} untuk periode {periodKey} menemukan ' +
        'masalah berikut:\n\n{problems}\n\nPerbaiki lalu kirim ulang: {link}\n\nPeduli',
      en:
        'Dear colleague,\n\nChecking the supporting documents of the {regionName} report for period {periodKey} found ' +
        'these problems:\n\n{problems}\n\nFix them and submit again: {link}\n\nPeduli',
    },
  },
  'reminder-before-deadline': {
    variables: ['recipientName', 'unitName', 'periodLabel', 'deadline', 'daysLeft', 'missing', 'link'],
    subject: {
      id: 'Pengingat: laporan {periodLabel} {unitName} jatuh tempo {deadline}',
      en: 'Reminder: the {periodLabel} report of {unitName} is due {deadline}',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} untuk {unitName} adalah {deadline} ({daysLeft} hari lagi).\n\n' +
        'Yang masih perlu diselesaikan:\n{missing}\n\nLengkapi dan kirim laporan: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe {periodLabel} report of {unitName} is due {deadline} (in {daysLeft} {daysLeft|day|days}).\n\n' +
        'Still to be done:\n{missing}\n\nComplete and submit the report: {link}\n\nPeduli',
    },
  },
  'reminder-minutes-before-deadline': {
    variables: ['recipientName', 'unitName', 'periodLabel', 'deadline', 'minutesLeft', 'missing', 'link'],
    subject: {
      id: 'Pengingat: laporan {periodLabel} {unitName} jatuh tempo {deadline}',
      en: 'Reminder: the {periodLabel} report of {unitName} is due {deadline}',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} untuk {unitName} adalah {deadline} ({minutesLeft} menit lagi).\n\n' +
        'Yang masih perlu diselesaikan:\n{missing}\n\nLengkapi dan kirim laporan: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe {periodLabel} report of {unitName} is due {deadline} (in {minutesLeft} {minutesLeft|minute|minutes}).\n\n' +
        'Still to be done:\n{missing}\n\nComplete and submit the report: {link}\n\nPeduli',
    },
  },
  'reminder-overdue': {
    variables: ['recipientName', 'unitName', 'periodLabel', 'deadline', 'missing', 'link'],
    optional: ['told'],
    subject: {
      id: 'Terlambat: laporan {periodLabel} {unitName} belum dikirim',
      en: 'Overdue: the {periodLabel} report of {unitName} has not been submitted',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} untuk {unitName} telah lewat pada {deadline} dan laporan belum dikirim.{told}' +
        '\n\nYang masih perlu diselesaikan:\n{missing}\n\nKirim laporan segera: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe {periodLabel} report of {unitName} was due {deadline} and has not been submitted.{told}' +
        '\n\nStill to be done:\n{missing}\n\nSubmit the report now: {link}\n\nPeduli',
    },
  },
  'reminder-deadline-moved': {
    variables: ['recipientName', 'unitName', 'periodLabel', 'deadline', 'missing', 'link'],
    subject: {
      id: 'Batas waktu laporan {periodLabel} dimajukan menjadi {deadline}',
      en: 'The {periodLabel} deadline has moved earlier, to {deadline}',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} untuk {unitName} dimajukan menjadi {deadline}.\n\n' +
        'Yang masih perlu diselesaikan:\n{missing}\n\nLengkapi dan kirim laporan: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe deadline of the {periodLabel} report of {unitName} has moved earlier, to {deadline}.\n\n' +
        'Still to be done:\n{missing}\n\nComplete and submit the report: {link}\n\nPeduli',
    },
  },
  'reminder-escalation': {
    variables: ['recipientName', 'regionName', 'periodLabel', 'deadline', 'count', 'units', 'link'],
    subject: {
      id: '{count} unit di {regionName} belum mengirim laporan {periodLabel}',
      en: '{count} {count|unit|units} in {regionName} {count|has|have} not submitted their {periodLabel} report',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} di {regionName} telah lewat pada {deadline}. ' +
        'Unit berikut belum mengirim laporan:\n\n{units}\n\nPantau kelengkapan: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe {periodLabel} deadline in {regionName} passed on {deadline}. ' +
        '{count|This unit has|These units have} not submitted their report:\n\n{units}\n\nFollow up completeness: {link}\n\nPeduli',
    },
  },
  'reminder-digest': {
    variables: ['recipientName', 'regionName', 'periodLabel', 'deadline', 'count', 'units', 'link'],
    subject: {
      id: 'Ringkasan mingguan {periodLabel}: {count} unit di {regionName} belum selesai',
      en: 'Weekly summary {periodLabel}: {count} {count|unit|units} in {regionName} not done yet',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nBatas waktu laporan {periodLabel} di {regionName}: {deadline}. ' +
        'Unit berikut belum selesai:\n\n{units}\n\nPantau kelengkapan: {link}\n\nPeduli',
      en:
        'Dear {recipientName},\n\nThe {periodLabel} deadline in {regionName} is {deadline}. ' +
        '{count|This unit is|These units are} not done yet:\n\n{units}\n\nFollow up completeness: {link}\n\nPeduli',
    },
  },
  'account-invitation': {
    variables: ['recipientName', 'email', 'link', 'expiresAt'],
    subject: {
      id: 'Undangan ke Peduli: buat kata sandi Anda',
      en: 'Your invitation to Peduli: set your password',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nSebuah akun Peduli telah dibuat untuk {email}. Buat kata sandi Anda sendiri untuk ' +
        'mengaktifkannya: {link}\n\nTautan ini hanya dapat dipakai sekali dan berlaku sampai {expiresAt}. Jika Anda tidak ' +
        'mengharapkan undangan ini, abaikan email ini.\n\nPeduli',
      en:
        'Dear {recipientName},\n\nA Peduli account has been created for {email}. Set your own password to activate it: ' +
        '{link}\n\nThe link works once and until {expiresAt}. If you did not expect this invitation, ignore this email.\n\nPeduli',
    },
  },
  'password-reset': {
    variables: ['recipientName', 'link', 'minutes'],
    subject: {
      id: 'Atur ulang kata sandi Peduli Anda',
      en: 'Reset your Peduli password',
    },
    body: {
      id:
        'Yth. {recipientName},\n\nSeseorang meminta pengaturan ulang kata sandi akun Peduli Anda. Buat kata sandi baru: ' +
        '{link}\n\nTautan ini hanya dapat dipakai sekali dan berlaku {minutes} menit. Jika Anda tidak memintanya, ' +
        'abaikan email ini; kata sandi Anda tidak berubah.\n\nPeduli',
      en:
        'Dear {recipientName},\n\nSomeone asked to reset the password of your Peduli account. Choose a new one: {link}' +
        '\n\nThe link works once and for {minutes} {minutes|minute|minutes}. If you did not ask for it, ignore this email; your password ' +
        'has not changed.\n\nPeduli',
    },
  },
} satisfies Record<string, TemplateDefinition>;

export type TemplateId = keyof typeof TEMPLATES;

/**
 * Who hears about an overdue unit besides the unit itself: its reporter's coordinator, the province's Kanwil (for a
 * regency/city or a province), the central verifiers (for a ministry's directorate).
 */
export interface OverdueWatchers {
  coordinator: boolean;
  kanwil: boolean;
  central?: boolean;
}

const WATCHER_NAMES: Record<Locale, Record<keyof OverdueWatchers, string>> = {
  id: { coordinator: 'koordinator', kanwil: 'Kanwil', central: 'verifikator pusat' },
  en: { coordinator: 'the coordinator', kanwil: 'the Kanwil', central: 'the central verifiers' },
};

/**
 * The overdue mail's `told` sentence: it names only those who really get the escalation, and says nothing when nobody
 * does (no escalation in the policy, no coordinator or Kanwil account), so a unit is never told of a warning not sent.
 */
export function overdueToldSentence(locale: Locale, watchers: OverdueWatchers): string {
  const told = (['coordinator', 'kanwil', 'central'] as const).filter((who) => watchers[who]).map((who) => WATCHER_NAMES[locale][who]);
  if (told.length === 0) return '';
  const joined = told.length === 1 ? told[0] : `${told.slice(0, -1).join(', ')} ${locale === 'id' ? 'dan' : 'and'} ${told[told.length - 1]}`;
  const subject = joined.charAt(0).toUpperCase() + joined.slice(1);
  if (locale === 'id') return ` ${subject} juga diberi tahu.`;
  const plural = told.length > 1 || watchers.central;
  return ` ${subject} ${plural ? 'are' : 'is'} told too.`;
}

function fill(template: TemplateId, text: string, vars: Vars): string {
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (_, name: string, one: string | undefined, other: string | undefined) => {
    if (!(name in vars)) throw new MissingTemplateVariableError(template, name);
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : (other as string);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMail(template: TemplateId, locale: Locale, vars: Vars): RenderedMail {
  const definition: TemplateDefinition = TEMPLATES[template];
  for (const variable of definition.variables) {
    if (vars[variable] === undefined || vars[variable] === '') throw new MissingTemplateVariableError(template, variable);
  }
  const subject = fill(template, definition.subject[locale], vars);
  const text = fill(template, definition.body[locale], vars);
  const html = `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(text)
    .split(/\n\n/)
    .join('</p><p>')
    .replace(/\n/g, '<br>')}</p></body></html>`;
  return { subject, text, html };
}

/**
 * One mail in both languages, the reader's first and the other after a rule: for mail about someone's account, which
 * may reach a person whose language setting nobody has chosen yet.
 */
export function renderBilingualMail(template: TemplateId, first: Locale, vars: Vars): RenderedMail {
  const second: Locale = first === 'en' ? 'id' : 'en';
  const a = renderMail(template, first, vars);
  const b = renderMail(template, second, vars);
  const text = `${a.text}\n\n---\n\n${b.text}`;
  const html = `<!doctype html><html lang="${first}"><body><p>${escapeHtml(text)
    .split(/\n\n/)
    .join('</p><p>')
    .replace(/\n/g, '<br>')}</p></body></html>`;
  return { subject: `${a.subject} / ${b.subject}`, text, html };
}
