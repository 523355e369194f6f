import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserAccount } from '../entities/user-account.entity';

export interface NationalAdminSettings {
  email: string;
  /** When absent, a password is generated (development only; the caller decides). */
  password?: string;
}

export interface NationalAdminResult {
  email: string;
  created: boolean;
  generatedPassword?: string;
  /** Set when nothing was done because an active national admin already exists. */
  skipped?: 'national admin exists';
}

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Bootstraps the first national admin: only while no active account holds NATIONAL_ADMIN. Once one does, who is an
 * admin is decided in the application, so a migration or restart never gives the role back to ADMIN_EMAIL after an
 * admin took it away. Never overwrites an existing account's password.
 */
export async function ensureNationalAdmin(
  dataSource: DataSource,
  settings: NationalAdminSettings,
): Promise<NationalAdminResult> {
  const email = settings.email.trim().toLowerCase();
  if (await nationalAdminExists(dataSource)) return { email, created: false, skipped: 'national admin exists' };
  const repository = dataSource.getRepository(UserAccount);
  const existing = await repository.findOne({ where: { email } });
  if (existing) {
    await grantNationalAdmin(dataSource, existing.id);
    return { email, created: false };
  }

  const generatedPassword = settings.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(settings.password ?? generatedPassword!);
  const inserted = await repository
    .createQueryBuilder()
    .insert()
    .values({ email, displayName: 'Admin Nasional', passwordHash, locale: 'id' })
    .orIgnore()
    .execute();
  const created = (inserted.identifiers.filter(Boolean).length ?? 0) > 0;
  const account = await repository.findOneOrFail({ where: { email } });
  await grantNationalAdmin(dataSource, account.id);
  return { email, created, generatedPassword: created ? generatedPassword : undefined };
}

async function nationalAdminExists(dataSource: DataSource): Promise<boolean> {
  const [row]: { exists: boolean }[] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM role_assignment ra JOIN user_account u ON u.id = ra.user_id
                     WHERE ra.role = 'NATIONAL_ADMIN' AND u.active) AS exists`,
  );
  return row.exists;
}

async function grantNationalAdmin(dataSource: DataSource, userId: string): Promise<void> {
  // The unique index on role assignments makes this a no-op when the role is already held.
  await dataSource.query(`INSERT INTO role_assignment (user_id, role) VALUES ($1, 'NATIONAL_ADMIN') ON CONFLICT DO NOTHING`, [userId]);
}
