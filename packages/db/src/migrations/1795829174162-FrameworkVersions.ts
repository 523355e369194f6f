import { MigrationInterface, QueryRunner } from "typeorm";

export class FrameworkVersions1795829174162 implements MigrationInterface {
    name = 'FrameworkVersions1795829174162'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "framework_version" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme" character varying(16) NOT NULL,
                "framework_code" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "status" character varying(16) NOT NULL,
                "label" character varying(300) NOT NULL,
                "content" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "retired_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_2688dee70c7ba768c999e4b23be" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "framework_version_code_version_uq" ON "framework_version" ("framework_code", "version")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."framework_version_code_version_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "framework_version"
        `);
    }

}
