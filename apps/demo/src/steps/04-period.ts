import type { PeriodView, PolicyView, ReminderLedger } from '../api';
import { DEADLINE_LEAD_MS, DEMO_POLICY, JAYAPURA, short } from '../cast';
import { fact, person, t } from '../context';
import { expectThat } from '../failure';
import { clock, deadlineAhead, formatMoment, localParts, ZONES } from '../time';
import type { Step } from './step';

/**
 * The period opens with a deadline a few minutes ahead, as a local time every unit reads in its own zone, and a
 * reminder policy counted in minutes, so the reminders, the overdue notice and the escalation all happen while the
 * demo runs. The reminder worker plans them into its ledger at once.
 */
export const periodStep: Step = {
  title: { id: 'Membuka periode dengan batas waktu beberapa menit lagi', en: 'Opening the period, its deadline a few minutes away' },
  async run(demo) {
    const { story } = demo;
    const admin = person(demo, 'admin').session;
    const cycleId = fact(demo, 'cycleId');
    const code = fact(demo, 'periodCode');

    const { policy } = await admin.put<PolicyView>(`/cycles/${cycleId}/reminder-policy`, DEMO_POLICY);
    expectThat(policy.unit === 'MINUTES', 'reminder policy: unit MINUTES was not kept', [JSON.stringify(policy)]);
    story.ok(
      t(
        demo,
        `Kebijakan pengingat siklus ini dihitung dalam menit: ${DEMO_POLICY.offsetsMinutes.join(' dan ')} menit sebelum batas waktu, pemberitahuan terlambat ${DEMO_POLICY.overdueAfterMinutes} menit sesudahnya, lalu eskalasi ke koordinator dan Kanwil. (Biasanya: saat jendela pelaporan dibuka, lalu 3 dan 1 hari sebelum ditutup, pukul 09.00.)`,
        `The cycle’s reminder policy counts in minutes: ${DEMO_POLICY.offsetsMinutes.join(' and ')} minutes before the deadline, the overdue notice ${DEMO_POLICY.overdueAfterMinutes} minute after it, then the escalation to the coordinator and the Kanwil. (Usually: when the reporting window opens, then 3 and 1 days before it closes, at 09:00.)`,
      ),
    );

    // The deadline is a local time: the same "14:05" comes first in WIT (Jayapura), an hour later in WITA (Balikpapan).
    const deadline = deadlineAhead(new Date(), DEADLINE_LEAD_MS, ZONES.WIT);
    const opensOn = localParts(new Date(), ZONES.WIB).date;
    const period = await admin.put<PeriodView>(`/cycles/${cycleId}/periods/${code}`, { opensOn, deadlineDate: deadline.date, deadlineTime: deadline.time });
    const jayapuraPassesAt = new Date(new Date(period.deadlineByZone.WIT).getTime() + 1);
    const balikpapanPassesAt = new Date(new Date(period.deadlineByZone.WITA).getTime() + 1);
    expectThat(jayapuraPassesAt.getTime() === deadline.passesAt.getTime(), 'period: the WIT deadline is not the one set', [JSON.stringify(period.deadlineByZone)]);
    expectThat(balikpapanPassesAt.getTime() - jayapuraPassesAt.getTime() === 3_600_000, 'period: the WITA deadline is not an hour after the WIT one', [JSON.stringify(period.deadlineByZone)]);
    Object.assign(demo.state, { deadline: { date: deadline.date, time: deadline.time }, jayapuraPassesAt, balikpapanPassesAt, policy: DEMO_POLICY });

    story.ok(
      t(
        demo,
        `Periode ${fact(demo, 'periodKey')} dibuka hari ini; batas waktunya ${deadline.date} pukul ${deadline.time.replace(':', '.')} waktu setempat, di zona tiap unit.`,
        `Period ${fact(demo, 'periodKey')} opens today; its deadline is ${deadline.date} at ${deadline.time} local time, in each unit’s own zone.`,
      ),
    );
    const unitsByZone: Record<string, string> = { WIB: 'Kementerian Kesehatan', WITA: 'Kota Balikpapan (64.71), Provinsi Kalimantan Timur', WIT: 'Kota Jayapura (91.71)' };
    story.table(
      [t(demo, 'Zona', 'Zone'), t(demo, 'Unit peragaan', 'Demo units'), t(demo, 'Batas waktu', 'Deadline'), t(demo, 'Saat yang sama di Jayapura', 'The same moment in Jayapura')],
      Object.entries(ZONES).map(([zone, iana]) => {
        const instant = new Date(period.deadlineByZone[zone]);
        return [zone, unitsByZone[zone], formatMoment(instant, iana, demo.options.lang), formatMoment(instant, ZONES.WIT, demo.options.lang)];
      }),
    );
    story.note(
      t(
        demo,
        'Jadi Dinas Sosial Kota Jayapura harus selesai satu jam lebih awal daripada unit di Balikpapan. Itulah unit yang akan terlambat dalam cerita ini.',
        'So Dinas Sosial Kota Jayapura has to finish an hour before the Balikpapan units. That is the unit that will miss the deadline in this story.',
      ),
    );

    // The reminder worker plans on the event the period's change recorded: look for Jayapura's rows in the ledger.
    const dinsos = person(demo, 'dinsosOperator').email;
    const jayapuraCoordinator = person(demo, 'jayapuraCoordinator').email;
    const ledger = await story.waitFor(
      t(demo, 'reminder-worker merencanakan pengingat ke buku besar', 'reminder-worker plans the reminders into its ledger'),
      async () => {
        const current = await admin.get<ReminderLedger>(`/cycles/${cycleId}/periods/${code}/reminders?regionCode=${JAYAPURA}`);
        const mine = current.items.filter((item) => item.recipientEmail === dinsos);
        const planned = mine.length >= DEMO_POLICY.offsetsMinutes.length + 1 && current.items.some((item) => item.kind === 'ESCALATION');
        return { value: planned ? current : undefined, status: `${current.total} ${t(demo, 'baris', 'rows')}` };
      },
      { timeoutMs: 30_000 },
    );
    story.table(
      [t(demo, 'Kirim pada', 'Send at'), t(demo, 'Kepada', 'To'), t(demo, 'Jenis', 'Kind'), 'Slot', 'Status'],
      ledger.items
        .filter((item) => item.recipientEmail === dinsos || item.recipientEmail === jayapuraCoordinator)
        .map((item) => [clock(new Date(item.sendAt), ZONES.WIT), short(item.recipientEmail), item.kind, item.slot, item.status]),
    );
    story.note(
      t(
        demo,
        'Satu baris per penerima, batas waktu dan slot (unik di basis data), dan satu timer BullMQ per saat kirim. Unit yang sudah mengirim tidak diingatkan lagi: saat kirim, statusnya dibaca ulang.',
        'One row per recipient, deadline and slot (unique in the database), and one BullMQ timer per send instant. A unit that has submitted is not reminded: its status is read again at send time.',
      ),
    );
  },
};
