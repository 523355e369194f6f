import { FrameworkContent, FrameworkStatus, KKP_HAM_2021_SAMPLE, Programme, RANHAM_2021_2025_SAMPLE } from '@peduli/domain';
import type { DataSource } from 'typeorm';

interface SeedVersion {
  programme: Programme;
  frameworkCode: string;
  version: number;
  label: string;
  content: FrameworkContent;
}

const SEEDED: readonly SeedVersion[] = [
  {
    ...KKP_HAM_2021_SAMPLE,
    content: { criteria: KKP_HAM_2021_SAMPLE.criteria, indicators: KKP_HAM_2021_SAMPLE.indicators, rules: KKP_HAM_2021_SAMPLE.rules },
  },
  {
    ...RANHAM_2021_2025_SAMPLE,
    content: { targetGroups: RANHAM_2021_2025_SAMPLE.targetGroups, actions: RANHAM_2021_2025_SAMPLE.actions, rules: RANHAM_2021_2025_SAMPLE.rules },
  },
];

/**
 * Loads, as published version 1 each: the KKP HAM framework of Permenkumham 22/2021 (its 10 criteria with a SAMPLE
 * indicator set; the official 120 indicators are loaded by import) and RANHAM 2021-2025 (its four target groups with
 * SAMPLE actions). Idempotent: an existing version is never touched.
 */
export async function seedFrameworks(dataSource: DataSource): Promise<{ created: number }> {
  let created = 0;
  for (const seed of SEEDED) {
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (framework_code, version) DO NOTHING RETURNING id`,
      [seed.programme, seed.frameworkCode, seed.version, FrameworkStatus.PUBLISHED, seed.label, JSON.stringify(seed.content)],
    );
    created += inserted.length;
  }
  return { created };
}
