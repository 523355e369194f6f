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
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

/** Bodies are plain text with {placeholders}; HTML is derived (escaped) so the two never drift apart. */
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
        '{total} ({band}). Skor ini masih menunggu verifikasi.\n\nLihat rincian: {link}\n\nPeduli',
      en:
        'Dear colleague,\n\nThe report of {regionName} for period {periodKey} has been checked and given a provisional ' +
        'score of {total} ({band}). The score still awaits verification.\n\nSee the details: {link}\n\nPeduli',
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
} satisfies Record<string, TemplateDefinition>;

export type TemplateId = keyof typeof TEMPLATES;

function fill(template: TemplateId, text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new MissingTemplateVariableError(template, name);
    return String(vars[name]);
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
