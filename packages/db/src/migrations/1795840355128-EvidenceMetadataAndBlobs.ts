import { MigrationInterface, QueryRunner } from "typeorm";

export class EvidenceMetadataAndBlobs1795840355128 implements MigrationInterface {
    name = 'EvidenceMetadataAndBlobs1795840355128'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "evidence_blob" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_key" character varying(64) NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(255) NOT NULL,
                "size_bytes" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_54b655fc38c48f0d07006dc9de5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "evidence_blob_owner_sha256_uq" ON "evidence_blob" ("owner_key", "sha256")
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "owner_key" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "title" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "legal_number" character varying(120)
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "legal_date" date
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "period_covered" character varying(100)
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "indicator_codes" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            CREATE INDEX "evidence_document_owner_idx" ON "evidence_document" ("owner_key", "sha256")
        `);
        // Documents stored before blobs were shared: name their owner, and register their bytes as that owner's blobs
        // (the oldest copy of each content wins), so later uploads of the same file are deduplicated against them too.
        await queryRunner.query(`
            UPDATE "evidence_document" d
               SET "owner_key" = COALESCE(s."organisation_id"::text, 'region:' || s."region_code")
              FROM "submission" s
             WHERE s."id" = d."submission_id"
        `);
        await queryRunner.query(`
            INSERT INTO "evidence_blob" ("owner_key", "sha256", "storage_key", "size_bytes")
            SELECT DISTINCT ON ("owner_key", "sha256") "owner_key", "sha256", "storage_key", "size_bytes"
              FROM "evidence_document"
             ORDER BY "owner_key", "sha256", "created_at"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."evidence_document_owner_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "indicator_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "period_covered"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "legal_date"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "legal_number"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "title"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "owner_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."evidence_blob_owner_sha256_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "evidence_blob"
        `);
    }

}
