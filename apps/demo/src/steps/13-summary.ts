import { fact, person, t } from '../context';
import { duration, formatMoment, ZONES } from '../time';
import type { Step } from './step';

const standing = (score: number, target: number) => (score >= target ? 'MEMENUHI_TARGET' : 'BELUM_MEMENUHI_TARGET');

/** What happened, and where to look at it: every record the story made is in the API, the audit trail and the mailbox. */
export const summaryStep: Step = {
  title: { id: 'Selesai', en: 'Done' },
  async run(demo) {
    const { story, api } = demo;
    const submissions = fact(demo, 'submissions');
    const scores = fact(demo, 'scores');
    const reporters = fact(demo, 'reporters');
    const targets = fact(demo, 'targets');
    story.pairs([
      [t(demo, 'Siklus', 'Cycle'), `${fact(demo, 'cycleLabel')} · ${fact(demo, 'periodKey')}`],
      [t(demo, 'Kerangka', 'Framework'), `${fact(demo, 'versionLabel')} (target kab/kota ${fact(demo, 'target')})`],
      ['Kota Balikpapan (KABKOTA)', `${scores.city} · ${t(demo, 'dari Dinkes dan Disdikbud; kini', 'from Dinkes and Disdikbud; now')} BELUM_MEMENUHI_TARGET`],
      [`${reporters.ministry.name} (KL)`, `${scores.ministry} · ${standing(scores.ministry, targets.KL)} (target ${targets.KL})`],
      [`${reporters.province.name} (PROVINCE)`, `${scores.province} · ${standing(scores.province, targets.PROVINCE)} (target ${targets.PROVINCE})`],
      ['Dinsos Jayapura', t(demo, 'terlambat (LATE), diingatkan dan dieskalasi', 'LATE, reminded and escalated')],
      [t(demo, 'Durasi', 'Duration'), duration(Date.now() - demo.startedAt.getTime())],
    ]);
    story.section(t(demo, 'Lihat sendiri:', 'See for yourself:'));
    story.link(t(demo, 'Dasbor antrean', 'Queue dashboard'), api.url('/admin/queues'));
    story.link(t(demo, 'Access token admin (untuk formulir dasbor)', 'Admin access token (for the dashboard form)'), person(demo, 'admin').session.token);
    story.link(t(demo, 'Kotak surat pengembangan', 'Dev mailbox'), demo.mailbox.dir);
    story.link(t(demo, 'Dokumentasi API', 'API docs'), api.url('/api/docs'));
    story.link(t(demo, 'Laporan kota', 'The city’s report'), api.url(`/api/v1/submissions/${submissions.city}`));
    story.link(t(demo, 'Jejak auditnya', 'Its audit trail'), api.url(`/api/v1/audit?entityType=submission&entityId=${submissions.city}`));
    story.link(t(demo, 'Ekspor skor (XLSX)', 'Scores export (XLSX)'), api.url(`/api/v1/exports/scores?cycleId=${fact(demo, 'cycleId')}&format=xlsx`));
    story.note(
      t(
        demo,
        'Alamat /api/v1 memerlukan token: di dokumentasi API pilih Authorize dan tempel token dari POST /api/v1/auth/login, atau pakai curl -H "authorization: Bearer <token>". Token admin tercetak di bawah alamat dasbor di atas (berlaku 15 menit).',
        'The /api/v1 addresses need a token: in the API docs choose Authorize and paste one from POST /api/v1/auth/login, or use curl -H "authorization: Bearer <token>". The admin’s is printed under the dashboard address above (valid 15 minutes).',
      ),
    );
    story.note(
      t(
        demo,
        `Batas waktu Balikpapan lewat sejam setelah Jayapura (${formatMoment(new Date(fact(demo, 'balikpapanPassesAt').getTime() - 1), ZONES.WITA, 'id')}): bila Peduli tetap berjalan, unitnya yang tanpa pengguna demo (mis. Dinas Tenaga Kerja) akan terlambat dan dieskalasi ke koordinator dan Kanwil; laporan kotanya sendiri sudah terverifikasi. Jalankan peragaan lagi kapan saja: setiap kali ia membuat tahun dan periodenya sendiri.`,
        `Balikpapan’s deadline passes an hour after Jayapura’s (${formatMoment(new Date(fact(demo, 'balikpapanPassesAt').getTime() - 1), ZONES.WITA, 'en')}): if Peduli keeps running, its units without a demo user (e.g. Dinas Tenaga Kerja) will be overdue and escalated to the coordinator and the Kanwil; the city’s own report is already verified. Run the demo again any time: each run makes a year and a period of its own.`,
      ),
    );
  },
};
