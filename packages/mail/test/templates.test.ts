import { isPermanentSmtpFailure, OverdueWatchers, MissingTemplateVariableError, overdueToldSentence, renderBilingualMail, renderMail } from '../src';

const SCORED = { regionName: 'Kota Balikpapan', periodKey: '2026-B08', total: 66.67, band: 'CUKUP_PEDULI', link: 'https://peduli.test/s/1' };
const CHECK_FAILED = {
  regionName: 'Kabupaten Jayapura',
  periodKey: '2026-B04',
  problems: '- sk.pdf: DECLARED_TYPE_MISMATCH\n- foto.exe: TYPE_NOT_ALLOWED',
  link: 'https://peduli.test/s/2',
};

/** Runs `render` and returns the MissingTemplateVariableError it throws. */
function missingVariableOf(render: () => unknown): MissingTemplateVariableError {
  try {
    render();
  } catch (error) {
    if (error instanceof MissingTemplateVariableError) return error;
    throw error;
  }
  throw new Error('expected a MissingTemplateVariableError');
}

describe('renderMail: submission-verified', () => {
  it('says the centre verified the report, with its score, in both languages', () => {
    const id = renderMail('submission-verified', 'id', SCORED);
    expect(id.subject).toBe('Laporan Kota Balikpapan periode 2026-B08 telah diverifikasi pusat');
    expect(id.text).toContain('telah diverifikasi pada tahap pusat (Direktorat Jenderal HAM) dengan skor 66.67 (CUKUP_PEDULI)');
    const en = renderMail('submission-verified', 'en', SCORED);
    expect(en.subject).toBe('The Kota Balikpapan report for period 2026-B08 is verified centrally');
    expect(en.text).toContain('verified at the central stage (the Directorate General of Human Rights) with a score of 66.67 (CUKUP_PEDULI)');
    expect(en.text).not.toMatch(/[{}]/);
  });

  it('leaves the provisional score to the central verification', () => {
    expect(renderMail('submission-scored', 'id', SCORED).text).toContain('hasil akhirnya ditetapkan pada verifikasi pusat');
    expect(renderMail('submission-scored', 'en', SCORED).text).toContain('the central verification settles the final result');
  });
});

describe('renderMail: submission-scored', () => {
  it('renders the Indonesian mail with every variable', () => {
    const mail = renderMail('submission-scored', 'id', SCORED);
    expect(mail.subject).toBe('Skor sementara Kota Balikpapan untuk periode 2026-B08');
    expect(mail.text).toContain('Laporan Kota Balikpapan untuk periode 2026-B08');
    expect(mail.text).toContain('66.67 (CUKUP_PEDULI)');
    expect(mail.text).toContain('Lihat rincian: https://peduli.test/s/1');
    expect(mail.text.startsWith('Yth. Bapak/Ibu,')).toBe(true);
    expect(mail.text).not.toMatch(/[{}]/);
  });

  it('renders the English mail with every variable', () => {
    const mail = renderMail('submission-scored', 'en', SCORED);
    expect(mail.subject).toBe('Provisional score for Kota Balikpapan, period 2026-B08');
    expect(mail.text).toContain('The report of Kota Balikpapan for period 2026-B08');
    expect(mail.text).toContain('score of 66.67 (CUKUP_PEDULI)');
    expect(mail.text).toContain('See the details: https://peduli.test/s/1');
    expect(mail.text).not.toMatch(/[{}]/);
  });

  it('derives HTML paragraphs from the text, in the right language', () => {
    const mail = renderMail('submission-scored', 'en', SCORED);
    expect(mail.html.startsWith('<!doctype html><html lang="en"><body><p>Dear colleague,</p><p>')).toBe(true);
    expect(mail.html.endsWith('<p>Peduli</p></body></html>')).toBe(true);
    expect(mail.html.match(/<p>/g)).toHaveLength(4);
    expect(renderMail('submission-scored', 'id', SCORED).html).toContain('<html lang="id">');
  });

  it('renders a number variable, including 0', () => {
    expect(renderMail('submission-scored', 'en', { ...SCORED, total: 0 }).text).toContain('score of 0 (CUKUP_PEDULI)');
  });

  it('escapes HTML in variables but keeps the text as given', () => {
    const hostile = { ...SCORED, regionName: '<script>alert("x")</script> & \'co\'' };
    const mail = renderMail('submission-scored', 'id', hostile);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('does not expand placeholders that appear inside a variable value', () => {
    const mail = renderMail('submission-scored', 'en', { ...SCORED, regionName: '{link}' });
    expect(mail.subject).toBe('Provisional score for {link}, period 2026-B08');
  });

  it.each(['regionName', 'periodKey', 'total', 'band', 'link'])('names a missing %s', (variable) => {
    const vars: Record<string, string | number> = { ...SCORED };
    delete vars[variable];
    const error = missingVariableOf(() => renderMail('submission-scored', 'id', vars));
    expect(error.variable).toBe(variable);
    expect(error.template).toBe('submission-scored');
    expect(error.message).toBe(`Template "submission-scored" needs the variable "${variable}"`);
  });

  it('treats an empty-string variable as missing', () => {
    const error = missingVariableOf(() => renderMail('submission-scored', 'en', { ...SCORED, link: '' }));
    expect(error.variable).toBe('link');
  });
});

describe('renderMail: submission-check-failed', () => {
  it('renders the Indonesian mail with the problem list', () => {
    const mail = renderMail('submission-check-failed', 'id', CHECK_FAILED);
    expect(mail.subject).toBe('Dokumen laporan Kabupaten Jayapura (2026-B04) perlu diperbaiki');
    expect(mail.text).toContain('- sk.pdf: DECLARED_TYPE_MISMATCH\n- foto.exe: TYPE_NOT_ALLOWED');
    expect(mail.text).toContain('Perbaiki lalu kirim ulang: https://peduli.test/s/2');
    expect(mail.html).toContain('- sk.pdf: DECLARED_TYPE_MISMATCH<br>- foto.exe: TYPE_NOT_ALLOWED');
  });

  it('renders the English mail', () => {
    const mail = renderMail('submission-check-failed', 'en', CHECK_FAILED);
    expect(mail.subject).toBe('Documents of the Kabupaten Jayapura report (2026-B04) need fixing');
    expect(mail.text).toContain('Checking the supporting documents of the Kabupaten Jayapura report for period 2026-B04');
    expect(mail.text).toContain('Fix them and submit again: https://peduli.test/s/2');
  });

  it('escapes <script> in the problem list', () => {
    const mail = renderMail('submission-check-failed', 'en', { ...CHECK_FAILED, problems: '<script>steal()</script>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
  });

  it('needs "problems" even though the scored template does not', () => {
    const { problems: _problems, ...withoutProblems } = CHECK_FAILED;
    expect(missingVariableOf(() => renderMail('submission-check-failed', 'id', withoutProblems)).variable).toBe('problems');
    expect(missingVariableOf(() => renderMail('submission-check-failed', 'en', { ...CHECK_FAILED, problems: '' })).variable).toBe(
      'problems',
    );
  });
});

describe('isPermanentSmtpFailure', () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 500 }, true],
    [{ responseCode: 554 }, true],
    [{ responseCode: 599 }, true],
    [{ responseCode: 451 }, false],
    [{ responseCode: 421 }, false],
    [{ responseCode: 600 }, false],
    [{ responseCode: 250 }, false],
    [{ responseCode: '550' }, false],
    [{}, false],
    [new Error('connection refused'), false],
    [Object.assign(new Error('refused'), { responseCode: 550 }), true],
    [null, false],
    [undefined, false],
    ['550', false],
  ])('%p -> %p', (error, expected) => {
    expect(isPermanentSmtpFailure(error)).toBe(expected);
  });
});

describe('renderMail: reminders', () => {
  const unitVars = {
    recipientName: 'Budi',
    unitName: 'Dinas Sosial Kota Jayapura',
    periodLabel: 'RANHAM 2026 B08',
    deadline: '6 September 2026 pukul 23.59 WIT',
    daysLeft: 7,
    missing: '- Laporan belum dibuat.',
    link: 'https://peduli.test/submissions',
  };
  const { daysLeft: _days, ...withoutDaysLeft } = unitVars;
  const minuteVars = { ...withoutDaysLeft, minutesLeft: 5 };
  const regionVars = { recipientName: 'Sari', regionName: 'Kota Bandung', periodLabel: 'RANHAM 2026 B08', deadline: '6 September 2026 pukul 23.59 WIB', count: 2, units: '- A\n- B', link: 'https://peduli.test/completeness' };
  const cases: [Parameters<typeof renderMail>[0], Record<string, string | number>][] = [
    ['reminder-before-deadline', unitVars],
    ['reminder-minutes-before-deadline', minuteVars],
    ['reminder-overdue', { ...withoutDaysLeft, told: ' Koordinator juga diberi tahu.' }],
    ['reminder-deadline-moved', withoutDaysLeft],
    ['reminder-escalation', regionVars],
    ['reminder-digest', regionVars],
  ];

  it.each(cases)('%s renders in both languages with every variable used and nothing left in braces', (template, vars) => {
    for (const locale of ['id', 'en'] as const) {
      const mail = renderMail(template, locale, vars);
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/[{}]/);
      expect(mail.text).toContain(String(vars.link));
      expect(`${mail.subject} ${mail.text}`).toContain(String(vars.deadline));
    }
  });

  it.each(cases)('%s refuses to render without each of its variables', (template, vars) => {
    for (const name of Object.keys(vars)) {
      const { [name]: _left, ...rest } = vars;
      expect(() => renderMail(template, 'id', rest)).toThrow(new MissingTemplateVariableError(template, name));
    }
  });

  it('says the days left and the deadline with its zone in the recipient’s language', () => {
    expect(renderMail('reminder-before-deadline', 'id', unitVars).text).toContain('adalah 6 September 2026 pukul 23.59 WIT (7 hari lagi)');
    expect(renderMail('reminder-before-deadline', 'en', { ...unitVars, deadline: '6 September 2026, 23:59 WIT' }).text).toContain(
      'is due 6 September 2026, 23:59 WIT (in 7 days)',
    );
  });

  it('says the minutes left when the policy counts in minutes', () => {
    expect(renderMail('reminder-minutes-before-deadline', 'id', minuteVars).text).toContain('adalah 6 September 2026 pukul 23.59 WIT (5 menit lagi)');
    expect(renderMail('reminder-minutes-before-deadline', 'en', minuteVars).text).toContain('(in 5 minutes)');
  });

  it('agrees with a count of one in English: a day, a minute, a unit that has not submitted', () => {
    expect(renderMail('reminder-before-deadline', 'en', { ...unitVars, daysLeft: 1 }).text).toContain('(in 1 day)');
    expect(renderMail('reminder-before-deadline', 'id', { ...unitVars, daysLeft: 1 }).text).toContain('(1 hari lagi)');
    expect(renderMail('reminder-minutes-before-deadline', 'en', { ...minuteVars, minutesLeft: 1 }).text).toContain('(in 1 minute)');
    const one = renderMail('reminder-escalation', 'en', { ...regionVars, count: 1, units: '- A' });
    expect(one.subject).toBe('1 unit in Kota Bandung has not submitted their RANHAM 2026 B08 report');
    expect(one.text).toContain('This unit has not submitted their report:');
    expect(renderMail('reminder-escalation', 'en', regionVars).subject).toBe('2 units in Kota Bandung have not submitted their RANHAM 2026 B08 report');
    const digest = renderMail('reminder-digest', 'en', { ...regionVars, count: 1, units: '- A' });
    expect(digest.subject).toBe('Weekly summary RANHAM 2026 B08: 1 unit in Kota Bandung not done yet');
    expect(digest.text).toContain('This unit is not done yet:');
    expect(renderMail('reminder-digest', 'en', { ...regionVars, count: 0 }).subject).toContain('0 units');
    expect(renderBilingualMail('password-reset', 'en', { recipientName: 'Siti', link: 'https://peduli.test/r', minutes: 1 }).text).toContain('for 1 minute.');
  });

  it('says in the overdue mail that the coordinator, the Kanwil or the central verifiers were told only when they were', () => {
    const overdue = (locale: 'id' | 'en', watchers: OverdueWatchers) =>
      renderMail('reminder-overdue', locale, { ...withoutDaysLeft, told: overdueToldSentence(locale, watchers) }).text;
    expect(overdue('id', { coordinator: true, kanwil: true })).toContain('laporan belum dikirim. Koordinator dan Kanwil juga diberi tahu.\n\n');
    expect(overdue('en', { coordinator: true, kanwil: true })).toContain('has not been submitted. The coordinator and the Kanwil are told too.\n\n');
    expect(overdue('id', { coordinator: true, kanwil: false })).toContain('belum dikirim. Koordinator juga diberi tahu.\n\n');
    expect(overdue('en', { coordinator: false, kanwil: true })).toContain('submitted. The Kanwil is told too.\n\n');
    // A ministry's directorate: its coordinator and the central verifiers, no Kanwil.
    expect(overdue('id', { coordinator: true, kanwil: false, central: true })).toContain('belum dikirim. Koordinator dan verifikator pusat juga diberi tahu.\n\n');
    expect(overdue('en', { coordinator: true, kanwil: false, central: true })).toContain('submitted. The coordinator and the central verifiers are told too.\n\n');
    expect(overdue('en', { coordinator: false, kanwil: false, central: true })).toContain('submitted. The central verifiers are told too.\n\n');
    for (const locale of ['id', 'en'] as const) {
      const text = overdue(locale, { coordinator: false, kanwil: false });
      expect(text).not.toMatch(/Kanwil|[Kk]oordinator|coordinator/);
      expect(text).toMatch(/(dikirim|submitted)\.\n\n/);
    }
  });
});

describe('renderBilingualMail: account mail in both languages', () => {
  const INVITATION = { recipientName: 'Siti', email: 'siti@balikpapan.go.id', link: 'https://peduli.test/account/invitation#token=pac_x', expiresAt: '14 Desember 2026 08.00 UTC' };

  it('puts the reader’s language first and the other after a rule, with the link in both', () => {
    const mail = renderBilingualMail('account-invitation', 'id', INVITATION);
    expect(mail.subject).toBe('Undangan ke Peduli: buat kata sandi Anda / Your invitation to Peduli: set your password');
    const [indonesian, english] = mail.text.split('\n\n---\n\n');
    expect(indonesian).toContain('Sebuah akun Peduli telah dibuat untuk siti@balikpapan.go.id');
    expect(english).toContain('A Peduli account has been created for siti@balikpapan.go.id');
    expect(indonesian).toContain(INVITATION.link);
    expect(english).toContain(INVITATION.link);
    expect(mail.html).toContain('<html lang="id">');
    expect(renderBilingualMail('account-invitation', 'en', INVITATION).text.startsWith('Dear Siti,')).toBe(true);
  });

  it('renders the password reset with its lifetime in minutes', () => {
    const mail = renderBilingualMail('password-reset', 'en', { recipientName: 'Siti', link: 'https://peduli.test/r', minutes: 30 });
    expect(mail.text).toContain('for 30 minutes');
    expect(mail.text).toContain('berlaku 30 menit');
    expect(mail.text).not.toMatch(/[{}]/);
  });
});
