import { hashPassword } from '@peduli/db';
import type { OrganisationKind, Role } from '@peduli/domain';
import type { DataSource } from 'typeorm';

export interface TestRole {
  role: Role | `${Role}`;
  provinceCode?: string | null;
  regionCode?: string | null;
  organisationId?: string | null;
}

export const TEST_PASSWORD = 'kata-sandi-uji-123';
let cachedHash: Promise<string> | null = null;

/** A user with the given roles, straight into the database (all test users share one password, hashed once). */
export async function createTestUser(
  dataSource: DataSource,
  options: { email: string; roles?: TestRole[]; organisationId?: string | null; active?: boolean; locale?: 'id' | 'en' },
): Promise<{ id: string; email: string; password: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await dataSource.query(
    `INSERT INTO user_account (email, display_name, password_hash, organisation_id, active, locale)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      options.email.toLowerCase(),
      options.email.split('@')[0],
      await cachedHash,
      options.organisationId ?? null,
      options.active ?? true,
      options.locale ?? 'id',
    ],
  );
  for (const role of options.roles ?? []) {
    await dataSource.query(
      `INSERT INTO role_assignment (user_id, role, province_code, region_code, organisation_id) VALUES ($1, $2, $3, $4, $5)`,
      [user.id, role.role, role.provinceCode ?? null, role.regionCode ?? null, role.organisationId ?? null],
    );
  }
  return { id: user.id, email: options.email.toLowerCase(), password: TEST_PASSWORD };
}

export async function createTestOrganisation(
  dataSource: DataSource,
  options: { kind: OrganisationKind | `${OrganisationKind}`; name: string; regionCode?: string | null; provinceCode?: string | null },
): Promise<string> {
  const provinceCode = options.provinceCode ?? (options.regionCode ? options.regionCode.slice(0, 2) : null);
  const [row] = await dataSource.query(
    `INSERT INTO organisation (kind, name, province_code, region_code) VALUES ($1, $2, $3, $4) RETURNING id`,
    [options.kind, options.name, provinceCode, options.regionCode ?? null],
  );
  return row.id;
}

/** Signs in through the real endpoint and returns the access token. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
