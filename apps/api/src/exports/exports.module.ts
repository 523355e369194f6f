import { Module } from '@nestjs/common';
import { AuditExport } from './audit-export';
import { CompletenessExport } from './completeness-export';
import { ExportScope } from './export-scope';
import { ExportsController } from './exports.controller';
import { ScoresExport } from './scores-export';

/** Streamed CSV and XLSX exports of scores, the completeness matrix and the audit trail. */
@Module({
  controllers: [ExportsController],
  providers: [ExportScope, ScoresExport, CompletenessExport, AuditExport],
})
export class ExportsModule {}
