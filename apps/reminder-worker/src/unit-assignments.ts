import type { EntityManager } from 'typeorm';

/**
 * Of the given units, those whose reporter assigns items in the cycle, each with whether anything is assigned to it:
 * a unit missing from the answer is unrestricted (its reporter assigns nothing), one mapped to false has nothing to
 * answer and is not reminded. One query for a whole period's units.
 */
export async function restrictedUnits(manager: EntityManager, cycleId: string, unitIds: readonly string[]): Promise<Map<string, boolean>> {
  if (unitIds.length === 0) return new Map();
  const rows: { id: string; assigned: boolean }[] = await manager.query(
    `SELECT o.id, EXISTS (SELECT 1 FROM assignment a WHERE a.cycle_id = $1 AND a.unit_organisation_id = o.id) AS assigned
       FROM organisation o
      WHERE o.id = ANY($2::uuid[])
        AND EXISTS (SELECT 1 FROM assignment r
                     WHERE r.cycle_id = $1
                       AND CASE WHEN o.region_code IS NOT NULL THEN r.reporter_region_code = o.region_code
                                ELSE r.reporter_organisation_id = o.parent_id END)`,
    [cycleId, unitIds],
  );
  return new Map(rows.map((row) => [row.id, row.assigned]));
}
