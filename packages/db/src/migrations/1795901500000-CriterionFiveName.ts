import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Criterion K5 of the seeded KKP HAM sample (Permenkumham 22/2021, version 1) is named as the rule and the regional
 * offices write it: "Hak atas Kependudukan", not "Hak atas Administrasi Kependudukan". The name is a label: no rule,
 * point or score depends on it (score input hashes stamp the version's id, not its text), so the stored version is
 * corrected in place rather than published anew, and databases seeded earlier read the same as new ones. Only the
 * seeded version, and only while it still holds the old name, is touched: an imported or edited version keeps its text.
 */
const FRAMEWORK_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';

async function renameCriterion(queryRunner: QueryRunner, from: string, to: string): Promise<void> {
    await queryRunner.query(
        `UPDATE framework_version fv
            SET content = jsonb_set(fv.content, ARRAY['criteria', (k.position - 1)::text, 'name'], to_jsonb($3::text))
           FROM framework_version src
          CROSS JOIN LATERAL jsonb_array_elements(src.content -> 'criteria') WITH ORDINALITY AS k(criterion, position)
          WHERE fv.id = src.id AND fv.framework_code = $1 AND fv.version = 1
            AND k.criterion ->> 'code' = 'K5' AND k.criterion ->> 'name' = $2`,
        [FRAMEWORK_CODE, from, to],
    );
}

export class CriterionFiveName1795901500000 implements MigrationInterface {
    name = 'CriterionFiveName1795901500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await renameCriterion(queryRunner, 'Hak atas Administrasi Kependudukan', 'Hak atas Kependudukan');
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await renameCriterion(queryRunner, 'Hak atas Kependudukan', 'Hak atas Administrasi Kependudukan');
    }
}
