import { verify } from '@node-rs/argon2';
import { OrganisationKind, ORGANISATION_LEVEL, Role, ROLE_SCOPE } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from './national-admin';

/**
 * Demo organisations and users for development, so a newcomer can sign in as every role: a Kota Balikpapan set
 * (Kalimantan Timur, WITA), a smaller Kota Jayapura set (Papua, WIT), the Province of Kalimantan Timur reporting RANHAM
 * through its Biro Hukum from two province OPD, and Kementerian Kesehatan reporting RANHAM (K/L, WIB) from two
 * directorates general. The names are fictional where they are not public bodies. Never run this outside development.
 */

export const DEMO_EMAIL_DOMAIN = 'demo.peduli.local';

export interface DemoDataSettings {
  /** The one password every demo user gets when created. */
  password: string;
  /**
   * Make existing demo users accept `password` too (only those whose hash does not already match it). For callers
   * that cannot be sure the accounts were created with this password; off by default, so nothing existing changes.
   */
  resetPasswords?: boolean;
}

export interface DemoUser {
  email: string;
  role: Role;
  /** Where the role applies, for people: "Kota Balikpapan", "Dinas Kesehatan Kota Balikpapan". */
  scope: string;
}

type OrgKey =
  | 'kanwilKaltim'
  | 'biroHukumKaltim'
  | 'bagianHukumBalikpapan'
  | 'dinkesBalikpapan'
  | 'disdikbudBalikpapan'
  | 'disnakerBalikpapan'
  | 'companyBalikpapan'
  | 'universityBalikpapan'
  | 'bagianHukumJayapura'
  | 'dinsosJayapura'
  | 'dinkesKaltim'
  | 'dinsosKaltim'
  | 'kemenkes'
  | 'ditjenKesPrimer'
  | 'ditjenKesLanjutan';

interface DemoOrganisation {
  kind: OrganisationKind;
  name: string;
  /** Province-level organisations only (a province's OPD included). */
  provinceCode?: string;
  /** Region-level kinds only; the province is derived from it. */
  regionCode?: string;
  /** The reporting organisation a unit belongs to (a directorate's ministry, a province OPD's Biro Hukum); listed first. */
  parent?: OrgKey;
}

const BALIKPAPAN = '64.71';
const JAYAPURA = '91.71';
const KALTIM = '64';

const ORGANISATIONS: Readonly<Record<OrgKey, DemoOrganisation>> = {
  kanwilKaltim: { kind: OrganisationKind.KANWIL, name: 'Kanwil Kementerian HAM Kalimantan Timur', provinceCode: KALTIM },
  biroHukumKaltim: { kind: OrganisationKind.BIRO_HUKUM, name: 'Biro Hukum Setda Provinsi Kalimantan Timur', provinceCode: KALTIM },
  bagianHukumBalikpapan: { kind: OrganisationKind.BAGIAN_HUKUM, name: 'Bagian Hukum Setda Kota Balikpapan', regionCode: BALIKPAPAN },
  dinkesBalikpapan: { kind: OrganisationKind.OPD, name: 'Dinas Kesehatan Kota Balikpapan', regionCode: BALIKPAPAN },
  disdikbudBalikpapan: { kind: OrganisationKind.OPD, name: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan', regionCode: BALIKPAPAN },
  disnakerBalikpapan: { kind: OrganisationKind.OPD, name: 'Dinas Tenaga Kerja Kota Balikpapan', regionCode: BALIKPAPAN },
  companyBalikpapan: { kind: OrganisationKind.COMPANY, name: 'PT Contoh Energi Balikpapan', regionCode: BALIKPAPAN },
  universityBalikpapan: { kind: OrganisationKind.UNIVERSITY, name: 'Universitas Contoh Balikpapan', regionCode: BALIKPAPAN },
  bagianHukumJayapura: { kind: OrganisationKind.BAGIAN_HUKUM, name: 'Bagian Hukum Setda Kota Jayapura', regionCode: JAYAPURA },
  dinsosJayapura: { kind: OrganisationKind.OPD, name: 'Dinas Sosial Kota Jayapura', regionCode: JAYAPURA },
  dinkesKaltim: { kind: OrganisationKind.OPD, name: 'Dinas Kesehatan Provinsi Kalimantan Timur', provinceCode: KALTIM, parent: 'biroHukumKaltim' },
  dinsosKaltim: { kind: OrganisationKind.OPD, name: 'Dinas Sosial Provinsi Kalimantan Timur', provinceCode: KALTIM, parent: 'biroHukumKaltim' },
  kemenkes: { kind: OrganisationKind.MINISTRY, name: 'Kementerian Kesehatan' },
  ditjenKesPrimer: { kind: OrganisationKind.DIRECTORATE, name: 'Direktorat Jenderal Kesehatan Primer dan Komunitas', parent: 'kemenkes' },
  ditjenKesLanjutan: { kind: OrganisationKind.DIRECTORATE, name: 'Direktorat Jenderal Kesehatan Lanjutan', parent: 'kemenkes' },
};

type DemoScope = { national: true } | { provinceCode: string } | { regionCode: string } | { organisation: OrgKey };

interface DemoUserSpec {
  /** Before the @: the address is `${local}@demo.peduli.local`. */
  local: string;
  displayName: string;
  /** The organisation the person works for; null for the ministry's centre, which is no organisation of the platform. */
  organisation: OrgKey | null;
  role: Role;
  scope: DemoScope;
}

const USERS: readonly DemoUserSpec[] = [
  {
    local: 'verifikator.pusat',
    displayName: 'Verifikator Pusat Ditjen HAM (demo)',
    organisation: null,
    role: Role.CENTRAL_VERIFIER,
    scope: { national: true },
  },
  {
    local: 'kanwil.kaltim',
    displayName: 'Verifikator Kanwil Kalimantan Timur (demo)',
    organisation: 'kanwilKaltim',
    role: Role.KANWIL_VERIFIER,
    scope: { provinceCode: KALTIM },
  },
  {
    local: 'koordinator.balikpapan',
    displayName: 'Koordinator Kota Balikpapan (demo)',
    organisation: 'bagianHukumBalikpapan',
    role: Role.COORDINATOR,
    scope: { regionCode: BALIKPAPAN },
  },
  {
    local: 'kepala.dinkes.balikpapan',
    displayName: 'Kepala Dinas Kesehatan Kota Balikpapan (demo)',
    organisation: 'dinkesBalikpapan',
    role: Role.UNIT_HEAD,
    scope: { organisation: 'dinkesBalikpapan' },
  },
  {
    local: 'operator.dinkes.balikpapan',
    displayName: 'Operator Dinas Kesehatan Kota Balikpapan (demo)',
    organisation: 'dinkesBalikpapan',
    role: Role.UNIT_OPERATOR,
    scope: { organisation: 'dinkesBalikpapan' },
  },
  {
    local: 'kepala.disdikbud.balikpapan',
    displayName: 'Kepala Dinas Pendidikan dan Kebudayaan Kota Balikpapan (demo)',
    organisation: 'disdikbudBalikpapan',
    role: Role.UNIT_HEAD,
    scope: { organisation: 'disdikbudBalikpapan' },
  },
  {
    local: 'operator.disdikbud.balikpapan',
    displayName: 'Operator Dinas Pendidikan dan Kebudayaan Kota Balikpapan (demo)',
    organisation: 'disdikbudBalikpapan',
    role: Role.UNIT_OPERATOR,
    scope: { organisation: 'disdikbudBalikpapan' },
  },
  {
    local: 'viewer.balikpapan',
    displayName: 'Pemantau Kota Balikpapan (demo)',
    organisation: 'bagianHukumBalikpapan',
    role: Role.VIEWER,
    scope: { regionCode: BALIKPAPAN },
  },
  {
    local: 'koordinator.jayapura',
    displayName: 'Koordinator Kota Jayapura (demo)',
    organisation: 'bagianHukumJayapura',
    role: Role.COORDINATOR,
    scope: { regionCode: JAYAPURA },
  },
  {
    local: 'operator.dinsos.jayapura',
    displayName: 'Operator Dinas Sosial Kota Jayapura (demo)',
    organisation: 'dinsosJayapura',
    role: Role.UNIT_OPERATOR,
    scope: { organisation: 'dinsosJayapura' },
  },
  ...reporterUsers('kaltim', 'Provinsi Kalimantan Timur', 'biroHukumKaltim', [
    ['dinkes.kaltim', 'Dinas Kesehatan Provinsi Kalimantan Timur', 'dinkesKaltim'],
    ['dinsos.kaltim', 'Dinas Sosial Provinsi Kalimantan Timur', 'dinsosKaltim'],
  ]),
  ...reporterUsers('kemenkes', 'Kementerian Kesehatan', 'kemenkes', [
    ['kesprimer.kemenkes', 'Direktorat Jenderal Kesehatan Primer dan Komunitas', 'ditjenKesPrimer'],
    ['keslanjutan.kemenkes', 'Direktorat Jenderal Kesehatan Lanjutan', 'ditjenKesLanjutan'],
  ]),
];

/** A reporter's coordinator (scoped to the reporting organisation) and an operator and a head for each of its units. */
function reporterUsers(local: string, name: string, reporter: OrgKey, units: [string, string, OrgKey][]): DemoUserSpec[] {
  return [
    { local: `koordinator.${local}`, displayName: `Koordinator ${name} (demo)`, organisation: reporter, role: Role.COORDINATOR, scope: { organisation: reporter } },
    ...units.flatMap(([unitLocal, unitName, unit]): DemoUserSpec[] => [
      { local: `kepala.${unitLocal}`, displayName: `Kepala ${unitName} (demo)`, organisation: unit, role: Role.UNIT_HEAD, scope: { organisation: unit } },
      { local: `operator.${unitLocal}`, displayName: `Operator ${unitName} (demo)`, organisation: unit, role: Role.UNIT_OPERATOR, scope: { organisation: unit } },
    ]),
  ];
}

/** Any key; serialises concurrent seeders so two of them cannot both create the same organisation. */
const DEMO_SEED_LOCK = 0x70656475;

/**
 * Creates the demo organisations, users and role assignments that are missing. Idempotent: organisations are found by
 * (kind, name, province, region), users by email, and an existing user's password is left alone (unless
 * `resetPasswords`). Needs the reference regions (seedReferenceData) first.
 */
export async function seedDemoData(dataSource: DataSource, settings: DemoDataSettings): Promise<DemoUser[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
    const places = await loadPlaces(manager);

    const organisationIds = {} as Record<OrgKey, string>;
    for (const [key, organisation] of Object.entries(ORGANISATIONS) as [OrgKey, DemoOrganisation][]) {
      organisationIds[key] = await ensureOrganisation(manager, organisation, organisation.parent ? organisationIds[organisation.parent] : null);
    }

    const result: DemoUser[] = [];
    for (const spec of USERS) {
      const email = `${spec.local}@${DEMO_EMAIL_DOMAIN}`;
      const userId = await ensureUser(manager, email, spec, spec.organisation ? organisationIds[spec.organisation] : null, settings);
      const scope = assignmentScope(spec, organisationIds);
      await manager.query(
        `INSERT INTO role_assignment (user_id, role, province_code, region_code, organisation_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [userId, spec.role, scope.provinceCode, scope.regionCode, scope.organisationId],
      );
      result.push({ email, role: spec.role, scope: describeScope(spec.scope, places) });
    }
    await ensureDemoCycles(manager);
    return result;
  });
}

/**
 * A KKP HAM 2026 cycle and a RANHAM 2025 cycle (the year the sample actions describe), each pinned to its latest seeded
 * version (RANHAM version 2: numbered measures with document rules), so submissions made in a fresh demo are scored
 * under a cycle. Existing cycles are left alone.
 */
async function ensureDemoCycles(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
     SELECT v.programme, c.year, c.label, v.id
       FROM (VALUES ('KKP_HAM_PERMENKUMHAM_22_2021', 1, 2026, 'KKP HAM 2026 (data 2025)'),
                    ('RANHAM_PERPRES_53_2021', 2, 2025, 'RANHAM 2025')) AS c(framework_code, version, year, label)
       JOIN framework_version v ON v.framework_code = c.framework_code AND v.version = c.version
     ON CONFLICT (programme, year) DO NOTHING`,
  );
}

interface Places {
  provinces: Map<string, string>;
  regions: Map<string, string>;
}

async function loadPlaces(manager: EntityManager): Promise<Places> {
  const regionCodes = [BALIKPAPAN, JAYAPURA];
  const provinceCodes = [...new Set(regionCodes.map((code) => code.slice(0, 2)))];
  const regions: { code: string; name: string }[] = await manager.query(`SELECT code, name FROM region WHERE code = ANY($1)`, [regionCodes]);
  const provinces: { code: string; name: string }[] = await manager.query(`SELECT code, name FROM province WHERE code = ANY($1)`, [
    provinceCodes,
  ]);
  if (regions.length !== regionCodes.length || provinces.length !== provinceCodes.length) {
    throw new Error('Demo data needs the reference regions: run seedReferenceData first');
  }
  return {
    provinces: new Map(provinces.map((p) => [p.code, p.name])),
    regions: new Map(regions.map((r) => [r.code, r.name])),
  };
}

async function ensureOrganisation(manager: EntityManager, organisation: DemoOrganisation, parentId: string | null): Promise<string> {
  const level = ORGANISATION_LEVEL[organisation.kind];
  // A province's OPD sits at province level, with its province and no regency/city.
  const regionCode = level === 'REGION' && organisation.regionCode ? organisation.regionCode : null;
  const provinceCode = level === 'NATIONAL' ? null : regionCode ? regionCode.slice(0, 2) : organisation.provinceCode!;
  const [existing]: { id: string }[] = await manager.query(
    `SELECT id FROM organisation
     WHERE kind = $1 AND name = $2 AND province_code IS NOT DISTINCT FROM $3 AND region_code IS NOT DISTINCT FROM $4
     ORDER BY created_at, id LIMIT 1`,
    [organisation.kind, organisation.name, provinceCode, regionCode],
  );
  if (existing) return existing.id;
  const [inserted]: { id: string }[] = await manager.query(
    `INSERT INTO organisation (kind, name, province_code, region_code, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [organisation.kind, organisation.name, provinceCode, regionCode, parentId],
  );
  return inserted.id;
}

async function ensureUser(
  manager: EntityManager,
  email: string,
  spec: DemoUserSpec,
  organisationId: string | null,
  settings: DemoDataSettings,
): Promise<string> {
  const [existing]: { id: string; password_hash: string }[] = await manager.query(
    `SELECT id, password_hash FROM user_account WHERE email = $1`,
    [email],
  );
  if (existing) {
    if (settings.resetPasswords && !(await verify(existing.password_hash, settings.password).catch(() => false))) {
      await manager.query(`UPDATE user_account SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        existing.id,
        await hashPassword(settings.password),
      ]);
    }
    return existing.id;
  }
  const [inserted]: { id: string }[] = await manager.query(
    `INSERT INTO user_account (email, display_name, password_hash, locale, organisation_id)
     VALUES ($1, $2, $3, 'id', $4) RETURNING id`,
    [email, spec.displayName, await hashPassword(settings.password), organisationId],
  );
  return inserted.id;
}

/** Exactly the field ROLE_SCOPE asks for (VIEWER, "ANY", takes whichever the spec gives); the others stay null. */
function assignmentScope(
  spec: DemoUserSpec,
  organisationIds: Record<OrgKey, string>,
): { provinceCode: string | null; regionCode: string | null; organisationId: string | null } {
  const required = ROLE_SCOPE[spec.role];
  const scope = spec.scope;
  const given = 'national' in scope ? 'NATIONAL' : 'provinceCode' in scope ? 'PROVINCE' : 'regionCode' in scope ? 'REGION' : 'ORGANISATION';
  // A coordinator's REPORTER scope is a regency/city or a reporting organisation (a ministry, a Biro Hukum).
  const fits = required === 'ANY' || required === given || (required === 'REPORTER' && (given === 'REGION' || given === 'ORGANISATION'));
  if (!fits) {
    throw new Error(`Demo user ${spec.local}: ${spec.role} needs a ${required} scope, not ${given}`);
  }
  return {
    provinceCode: 'provinceCode' in scope ? scope.provinceCode : null,
    regionCode: 'regionCode' in scope ? scope.regionCode : null,
    organisationId: 'organisation' in scope ? organisationIds[scope.organisation] : null,
  };
}

function describeScope(scope: DemoScope, places: Places): string {
  if ('national' in scope) return 'Nasional';
  if ('provinceCode' in scope) return `Provinsi ${places.provinces.get(scope.provinceCode)}`;
  if ('regionCode' in scope) return places.regions.get(scope.regionCode)!;
  return ORGANISATIONS[scope.organisation].name;
}
