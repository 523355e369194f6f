import type { Me } from '../api';
import { Person, PersonKey, t } from '../context';
import { DEMO_DOMAIN, short } from '../cast';
import { DemoFailure } from '../failure';
import { Session } from '../http';
import type { Step } from './step';

const CAST: readonly { key: PersonKey; local: string | null; part: { id: string; en: string } }[] = [
  { key: 'admin', local: null, part: { id: 'menyiapkan kerangka, siklus, periode dan kebijakan pengingat', en: 'prepares the framework, cycle, period and reminder policy' } },
  { key: 'dinkesOperator', local: 'operator.dinkes.balikpapan', part: { id: 'mengisi dan mengirim masukan Dinkes', en: 'fills in and submits the health office’s input' } },
  { key: 'dinkesHead', local: 'kepala.dinkes.balikpapan', part: { id: 'menyetujui masukan unitnya', en: 'approves the unit’s input' } },
  { key: 'disdikbudOperator', local: 'operator.disdikbud.balikpapan', part: { id: 'mengisi dan mengirim masukan Disdikbud', en: 'fills in and submits the education office’s input' } },
  { key: 'disdikbudHead', local: 'kepala.disdikbud.balikpapan', part: { id: 'menyetujui masukan unitnya', en: 'approves the unit’s input' } },
  { key: 'coordinator', local: 'koordinator.balikpapan', part: { id: 'Bagian Hukum: meninjau masukan unit, menghimpun dan mengirim laporan kota', en: 'legal division: reviews the units’ inputs, compiles and submits the city’s report' } },
  { key: 'kanwil', local: 'kanwil.kaltim', part: { id: 'Kanwil: memverifikasi dan meneruskan ke pusat', en: 'regional office: verifies and forwards to the centre' } },
  { key: 'central', local: 'verifikator.pusat', part: { id: 'pusat (Ditjen HAM, Tim Penilai): verifikasi akhir', en: 'the centre (Directorate General, Tim Penilai): final verification' } },
  { key: 'jayapuraCoordinator', local: 'koordinator.jayapura', part: { id: 'menerima eskalasi unit yang terlambat', en: 'receives the escalation of late units' } },
  { key: 'dinsosOperator', local: 'operator.dinsos.jayapura', part: { id: 'terlambat: menerima pengingat', en: 'misses the deadline: gets the reminders' } },
  { key: 'kesprimerOperator', local: 'operator.kesprimer.kemenkes', part: { id: 'direktorat Kemenkes: mengisi masukan RANHAM', en: 'a Kemenkes directorate: files its RANHAM input' } },
  { key: 'kesprimerHead', local: 'kepala.kesprimer.kemenkes', part: { id: 'menyetujui masukan direktoratnya', en: 'approves the directorate’s input' } },
  { key: 'kemenkesCoordinator', local: 'koordinator.kemenkes', part: { id: 'menghimpun dan mengirim laporan kementerian', en: 'compiles and submits the ministry’s report' } },
  { key: 'dinkesKaltimOperator', local: 'operator.dinkes.kaltim', part: { id: 'OPD provinsi Kaltim: mengisi masukan RANHAM', en: 'a Kaltim province OPD: files its RANHAM input' } },
  { key: 'dinkesKaltimHead', local: 'kepala.dinkes.kaltim', part: { id: 'menyetujui masukan unitnya', en: 'approves the unit’s input' } },
  { key: 'kaltimCoordinator', local: 'koordinator.kaltim', part: { id: 'Biro Hukum: menghimpun dan mengirim laporan provinsi', en: 'Biro Hukum: compiles and submits the province’s report' } },
];

/**
 * Signs in as every person the story needs, with the passwords `npm start` printed, and reads who each one is
 * (GET /auth/me): their role and its scope. The operators' units are the ones they report for.
 */
export const signInStep: Step = {
  title: { id: 'Masuk sebagai setiap peran', en: 'Signing in as each role' },
  async run(demo) {
    const { story, api, credentials } = demo;
    story.say(
      t(
        demo,
        'Setiap orang masuk dengan POST /api/v1/auth/login dan memakai token aksesnya sendiri; yang boleh dilakukan tiap orang ditentukan oleh peran dan cakupannya (di luar cakupan jawabannya 404).',
        'Each person signs in with POST /api/v1/auth/login and acts with their own access token; what each may do follows their role and its scope (outside it, the answer is 404).',
      ),
    );
    const rows: string[][] = [];
    for (const member of CAST) {
      const email = member.local ? `${member.local}@${DEMO_DOMAIN}` : credentials.adminEmail;
      const password = member.local ? credentials.demoPassword : credentials.adminPassword;
      const reply = await api.call<{ accessToken: string }>('POST', '/auth/login', { json: { email, password }, expect: [200, 401, 429] });
      if (reply.status !== 200) {
        throw new DemoFailure(
          t(demo, `Tidak bisa masuk sebagai ${email} (HTTP ${reply.status}).`, `Could not sign in as ${email} (HTTP ${reply.status}).`),
          [
            t(
              demo,
              'Kata sandi diambil dari .peduli/dev/admin-credentials.json (atau ADMIN_PASSWORD / DEMO_PASSWORD). Pengguna demo yang baru ditambahkan dibuat oleh seed saat `npm start` dijalankan ulang.',
              'Passwords come from .peduli/dev/admin-credentials.json (or ADMIN_PASSWORD / DEMO_PASSWORD). Demo users added recently are created by the seed when `npm start` is run again.',
            ),
          ],
        );
      }
      const session = new Session(api, email, reply.body.accessToken);
      const me = await session.get<Me>('/auth/me');
      const grant = me.roles[0];
      if (!grant) throw new DemoFailure(t(demo, `${email} tidak memegang peran apa pun.`, `${email} holds no role.`));
      const scope =
        credentials.scopes.get(email) ??
        (grant.scope.organisationId ? grant.scope.organisationId : (grant.scope.regionCode ?? grant.scope.provinceCode ?? t(demo, 'nasional', 'national')));
      const person: Person = {
        key: member.key,
        email,
        displayName: me.user?.displayName ?? email,
        role: grant.role,
        scope,
        organisationId: grant.scope.organisationId ?? null,
        session,
      };
      demo.people[member.key] = person;
      rows.push([short(email), grant.role, scope, t(demo, member.part.id, member.part.en)]);
    }
    story.table([t(demo, 'Pengguna', 'User'), t(demo, 'Peran', 'Role'), t(demo, 'Cakupan', 'Scope'), t(demo, 'Perannya dalam cerita', 'Part in the story')], rows);
    story.note(t(demo, `Alamat pengguna demo berakhiran @${DEMO_DOMAIN}; kata sandinya dicetak oleh \`npm start\`.`, `The demo users’ addresses end in @${DEMO_DOMAIN}; \`npm start\` prints their password.`));
    const admin = demo.people.admin!;
    story.link(t(demo, 'Dasbor antrean (bull-board)', 'Queue dashboard (bull-board)'), api.url('/admin/queues'));
    story.note(
      t(
        demo,
        `Tempel access token admin ini di formulir dasbor (berlaku 15 menit; token tidak pernah ditaruh di URL): ${admin.session.token}`,
        `Paste this admin access token into the dashboard's form (valid 15 minutes; a token never goes in a URL): ${admin.session.token}`,
      ),
    );
  },
};
