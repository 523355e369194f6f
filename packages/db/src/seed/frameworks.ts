import { FrameworkContent, FrameworkStatus, KKP_HAM_2021_SAMPLE, Programme, RANHAM_2021_2025_SAMPLE, RANHAM_2021_2025_SEEDED_VERSIONS } from '@peduli/domain';
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
  // Version 2 (numbered measures with document rules) and version 1 (the old shape, answered by action code). Version 1
  // is published last, so a report for a year without a cycle still falls back to it (the newest published version)
  // and answers keyed by action code keep working; a cycle pins version 2 (the demo's RANHAM 2025 cycle does).
  ...[...RANHAM_2021_2025_SEEDED_VERSIONS]
    .reverse()
    .map((seeded) => ({ programme: Programme.RANHAM, frameworkCode: RANHAM_2021_2025_SAMPLE.frameworkCode, ...seeded })),
];

/**
 * Loads, as published versions: the KKP HAM framework of Permenkumham 22/2021 (its 10 criteria with a SAMPLE
 * indicator set; the official 120 indicators are loaded by import) and RANHAM 2021-2025 (its four target groups with
 * SAMPLE actions; version 1 in the old shape, version 2 with numbered measures and their document rules). Idempotent:
 * an existing version is never touched, so a database seeded before keeps its version 1 and gains version 2.
 */
export async function seedFrameworks(dataSource: DataSource): Promise<{ created: number }> {
  let created = 0;
  // clock_timestamp, not now(): inside one transaction now() is the same for every row, and the order matters (above).
  for (const seed of SEEDED) {
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       ON CONFLICT (framework_code, version) DO NOTHING RETURNING id`,
      [seed.programme, seed.frameworkCode, seed.version, FrameworkStatus.PUBLISHED, seed.label, JSON.stringify(seed.content)],
    );
    created += inserted.length;
  }
  return { created };
}
