import type { CompletenessView, ReminderLedger, ReminderView } from '../api';
import { JAYAPURA, short } from '../cast';
import { Demo, fact, person, t } from '../context';
import { expectThat } from '../failure';
import { describeError } from '../http';
import type { Mail } from '../mailbox';
import { clock, duration, formatMoment, ZONES } from '../time';
import type { Step } from './step';

/** The reminders the story expects for Jayapura: each before-deadline slot and the overdue notice to the operator, and the escalation to the coordinator. */
function expectedRows(demo: Demo, items: readonly ReminderView[]): { done: number; total: number; missing: string[] } {
  const operator = person(demo, 'dinsosOperator').email;
  const coordinator = person(demo, 'jayapuraCoordinator').email;
  const policy = fact(demo, 'policy');
  const wanted = [
    ...policy.offsetsMinutes.map((minutes) => ({ to: operator, slot: `M-${minutes}` })),
    { to: operator, slot: `M+${policy.overdueAfterMinutes}` },
    { to: coordinator, slot: `ESCALATION:${JAYAPURA}` },
  ];
  const missing = wanted.filter((want) => !items.some((item) => item.recipientEmail === want.to && item.slot === want.slot && item.status === 'SENT'));
  return { done: wanted.length - missing.length, total: wanted.length, missing: missing.map((want) => `${short(want.to)} ${want.slot}`) };
}

/**
 * Jayapura's deadline passes with Dinas Sosial still in draft: its submit is refused, it got its reminders, the overdue
 * notice and the escalation to the coordinator followed, all in the dev mailbox, and the completeness view says LATE.
 */
export const deadlineStep: Step = {
  title: { id: 'Batas waktu lewat: pengingat, terlambat, eskalasi', en: 'The deadline passes: reminders, overdue, escalation' },
  async run(demo) {
    const { story } = demo;
    const admin = person(demo, 'admin').session;
    const dinsos = person(demo, 'dinsosOperator');
    const cycleId = fact(demo, 'cycleId');
    const code = fact(demo, 'periodCode');
    const passesAt = fact(demo, 'jayapuraPassesAt');
    const policy = fact(demo, 'policy');
    const ledgerPath = `/cycles/${cycleId}/periods/${code}/reminders?regionCode=${JAYAPURA}`;

    story.say(
      t(
        demo,
        `Sementara itu di Jayapura: Dinas Sosial masih menyimpan draf. Batas waktunya ${formatMoment(new Date(passesAt.getTime() - 1), ZONES.WIT, 'id')}; pengingat dikirim ${policy.offsetsMinutes.join(' dan ')} menit sebelumnya.`,
        `Meanwhile in Jayapura, Dinas Sosial still holds a draft. Its deadline is ${formatMoment(new Date(passesAt.getTime() - 1), ZONES.WIT, 'en')}; reminders go out ${policy.offsetsMinutes.join(' and ')} minutes before.`,
      ),
    );
    await story.waitFor(
      t(demo, 'menunggu batas waktu Jayapura', 'waiting for Jayapura’s deadline'),
      async () => {
        const left = passesAt.getTime() - Date.now();
        const ledger = await admin.get<ReminderLedger>(ledgerPath);
        const sent = ledger.items.filter((item) => item.status === 'SENT').length;
        return {
          // A moment more than the deadline, so the server's clock has certainly passed it too.
        value: left <= -1500 ? true : undefined,
          status: `${t(demo, 'sisa', 'left')} ${duration(Math.max(0, left))} · ${t(demo, 'pengingat terkirim', 'reminders sent')}: ${sent}`,
        };
      },
      { timeoutMs: Math.max(0, passesAt.getTime() - Date.now()) + 30_000, intervalMs: 500 },
    );

    const refused = await dinsos.session.call('POST', `/submissions/${fact(demo, 'submissions').dinsos}/submit`, { expect: [409] });
    story.warn(
      t(demo, `Dinsos mencoba mengirim sekarang: ditolak (HTTP ${refused.status}): "${describeError(refused.body)[0]}"`, `Dinsos tries to submit now: refused (HTTP ${refused.status}): "${describeError(refused.body)[0]}"`),
    );
    story.note(t(demo, 'Hanya Kanwil provinsi (atau admin) yang dapat memberi perpanjangan, dengan alasan.', 'Only the province’s Kanwil (or an admin) can grant an extension, with a reason.'));

    const ledger = await story.waitFor(
      t(demo, `reminder-worker mengirim pemberitahuan terlambat dan eskalasi (${policy.overdueAfterMinutes} menit setelah batas waktu)`, `reminder-worker sends the overdue notice and the escalation (${policy.overdueAfterMinutes} minute after the deadline)`),
      async () => {
        const current = await admin.get<ReminderLedger>(ledgerPath);
        const progress = expectedRows(demo, current.items);
        return { value: progress.done === progress.total ? current : undefined, status: { done: progress.done, total: progress.total, text: progress.missing.join(', ') } };
      },
      { timeoutMs: policy.overdueAfterMinutes * 60_000 + 60_000, intervalMs: 1000 },
    );
    const sent = ledger.items.filter((item) => item.status === 'SENT').sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''));
    story.section(t(demo, `Buku besar pengingat Kota Jayapura (GET ${ledgerPath.split('?')[0]}):`, `Kota Jayapura’s reminder ledger (GET ${ledgerPath.split('?')[0]}):`));
    story.table(
      [t(demo, 'Rencana', 'Planned'), t(demo, 'Terkirim', 'Sent'), t(demo, 'Kepada', 'To'), t(demo, 'Jenis', 'Kind'), 'Slot'],
      sent.map((item) => [clock(new Date(item.sendAt), ZONES.WIT), clock(new Date(item.sentAt!), ZONES.WIT), short(item.recipientEmail), item.kind, item.slot]),
    );
    const late = sent.filter((item) => new Date(item.sentAt!).getTime() - new Date(item.sendAt).getTime() > 20_000);
    expectThat(late.length === 0, t(demo, 'Pengingat terkirim lebih dari 20 detik setelah waktunya', 'Reminders went out more than 20 s after their time'), late.map((item) => `${item.slot}: ${item.sendAt} → ${item.sentAt}`));

    if (demo.mailbox.exists()) {
      const mails = await demo.mailbox.since(demo.startedAt);
      const byId = new Map(mails.map((mail) => [mail.messageId, mail]));
      const found: [ReminderView, Mail][] = sent.flatMap((item) => (item.messageId && byId.has(item.messageId) ? [[item, byId.get(item.messageId)!] as [ReminderView, Mail]] : []));
      expectThat(found.length === sent.length, t(demo, 'Tidak setiap pengingat terkirim ada di kotak surat pengembangan', 'Not every reminder sent is in the dev mailbox'), [demo.mailbox.dir]);
      story.section(t(demo, `Di kotak surat pengembangan (${demo.mailbox.dir}), dicocokkan dengan buku besar lewat Message-ID:`, `In the dev mailbox (${demo.mailbox.dir}), matched to the ledger by Message-ID:`));
      story.table(
        [t(demo, 'Kepada', 'To'), t(demo, 'Subjek', 'Subject')],
        found.map(([item, mail]) => [short(item.recipientEmail), mail.subject]),
      );
      const reminder = found.find(([item]) => item.recipientEmail === dinsos.email && item.slot === `M-${Math.min(...policy.offsetsMinutes)}`)?.[1];
      const escalation = found.find(([item]) => item.kind === 'ESCALATION')?.[1];
      if (reminder) {
        story.note(t(demo, 'Pengingat terakhir untuk operator Dinsos:', 'The last reminder to the Dinsos operator:'));
        story.quote(reminder.text, 12);
      }
      if (escalation) {
        story.note(t(demo, 'Eskalasi ke koordinator Kota Jayapura:', 'The escalation to Kota Jayapura’s coordinator:'));
        story.quote(escalation.text, 12);
      }
      story.note(t(demo, 'Surat mengikuti bahasa tiap penerima (pengguna demo memilih bahasa Indonesia).', 'Mails follow each recipient’s language (the demo users chose Indonesian).'));
    } else {
      story.warn(t(demo, `Kotak surat pengembangan ${demo.mailbox.dir} tidak ada (SMTP_URL milik sendiri?): buku besar di atas mencatat Message-ID setiap surat.`, `No dev mailbox at ${demo.mailbox.dir} (an SMTP_URL of your own?): the ledger above records each mail’s Message-ID.`));
    }

    const completeness = await person(demo, 'jayapuraCoordinator').session.get<CompletenessView>(`/completeness?cycleId=${cycleId}&periodCode=${code}&regionCode=${JAYAPURA}`);
    story.section(t(demo, 'Kelengkapan Kota Jayapura menurut koordinatornya (GET /completeness):', 'Kota Jayapura’s completeness, as its coordinator sees it (GET /completeness):'));
    story.table(
      [t(demo, 'Unit', 'Unit'), 'Status'],
      completeness.units.map((unit) => [unit.organisationName ?? `${unit.regionName} (${t(demo, 'laporan kota', 'the city’s own report')})`, unit.status]),
    );
    const dinsosRow = completeness.units.find((unit) => unit.organisationId === fact(demo, 'units').dinsos);
    expectThat(dinsosRow?.status === 'LATE', `completeness: Dinsos should be LATE, is ${dinsosRow?.status}`);
  },
};
