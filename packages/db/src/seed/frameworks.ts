import { FrameworkStatus, KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import type { DataSource } from 'typeorm';

/**
 * Loads the KKP HAM framework of Permenkumham 22/2021 as published version 1: its 10 criteria with a SAMPLE indicator
 * set (the official 120 indicators are loaded by import). Idempotent: an existing version is never touched.
 */
export async function seedFrameworks(dataSource: DataSource): Promise<{ created: boolean }> {
  const sample = KKP_HAM_2021_SAMPLE;
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO framework_version (programme, framework_code, version, status, label, content, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (framework_code, version) DO NOTHING RETURNING id`,
    [
      sample.programme,
      sample.frameworkCode,
      sample.version,
      FrameworkStatus.PUBLISHED,
      sample.label,
      JSON.stringify({ criteria: sample.criteria, indicators: sample.indicators, rules: sample.rules }),
    ],
  );
  return { created: inserted.length > 0 };
}
