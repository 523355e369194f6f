import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoFailure } from './failure';
import type { Lang } from './options';

export interface Credentials {
  adminEmail: string;
  adminPassword: string;
  demoPassword: string;
  /** Where each seeded demo user works, as `npm start` prints it ("Dinas Kesehatan Kota Balikpapan"). */
  scopes: Map<string, string>;
}

interface CredentialsFile {
  email?: string;
  password?: string;
  demo?: { password?: string; users?: { email: string; role: string; scope: string }[] };
}

/**
 * The passwords `npm start` generated and keeps in its folder (admin-credentials.json), or the ones given in
 * ADMIN_EMAIL, ADMIN_PASSWORD and DEMO_PASSWORD, which the seed uses too when they are set.
 */
export function readCredentials(devDir: string, env: NodeJS.ProcessEnv, lang: Lang): Credentials {
  const file = join(devDir, 'admin-credentials.json');
  let stored: CredentialsFile = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
    } catch {
      stored = {};
    }
  }
  const adminEmail = env.ADMIN_EMAIL || stored.email || 'admin@peduli.local';
  const adminPassword = env.ADMIN_PASSWORD || stored.password;
  const demoPassword = env.DEMO_PASSWORD || stored.demo?.password;
  if (!adminPassword || !demoPassword) {
    throw new DemoFailure(
      lang === 'id'
        ? `Kata sandi admin atau pengguna demo tidak ditemukan di ${file}. Jalankan \`npm start\` dari checkout ini (ia menulis berkas itu), atau tetapkan ADMIN_PASSWORD dan DEMO_PASSWORD.`
        : `No admin or demo user password found in ${file}. Run \`npm start\` from this checkout (it writes that file), or set ADMIN_PASSWORD and DEMO_PASSWORD.`,
    );
  }
  return { adminEmail, adminPassword, demoPassword, scopes: new Map((stored.demo?.users ?? []).map((user) => [user.email, user.scope])) };
}
