import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A submission's province and whether it is a reporter's own report follow from what it names, so the database fills
 * them in when a writer leaves them out (older tools and scripts that insert submissions with a regency/city only):
 * the province from the regency/city, and `own_report` for a regency/city reporting as itself (no organisation) or a
 * Bagian Hukum, Biro Hukum or ministry (the SQL side of `isReporterOwnReport`). A value given is kept; the check
 * constraint still refuses a province that contradicts the regency/city. No stored row changes.
 */
export class SubmissionPlaceDerived1795901100001 implements MigrationInterface {
    name = 'SubmissionPlaceDerived1795901100001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE FUNCTION submission_place_derived() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.province_code := coalesce(NEW.province_code, left(NEW.region_code, 2));
                NEW.own_report := NEW.own_report OR NEW.organisation_id IS NULL
                    OR EXISTS (SELECT 1 FROM organisation o
                                WHERE o.id = NEW.organisation_id AND o.kind IN ('BAGIAN_HUKUM', 'BIRO_HUKUM', 'MINISTRY'));
                RETURN NEW;
            END $$`);
        await queryRunner.query(`
            CREATE TRIGGER submission_place_derived_trg BEFORE INSERT ON submission
               FOR EACH ROW EXECUTE FUNCTION submission_place_derived()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER submission_place_derived_trg ON submission`);
        await queryRunner.query(`DROP FUNCTION submission_place_derived()`);
    }
}
