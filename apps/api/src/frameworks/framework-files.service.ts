import { HttpStatus, Injectable } from '@nestjs/common';
import { FrameworkVersionRecord, recordAudit } from '@peduli/db';
import { FrameworkContent, FrameworkStatus } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestActor } from '../auth/principal';
import { ApiError, FieldProblem } from '../common/api-error';
import { MessageKey } from '../common/messages';
import { latestVersionsOfCode, lockFrameworkCode } from './framework-queries';
import { versionSummary, VersionSummary } from './framework-views';
import { documentOf, FileFormat, FrameworkDocument, MEDIA_TYPES } from './interchange/document';
import { NotExportableError, readDocument, writeDocument } from './interchange/interchange';
import { cellReference, InterchangeProblem } from './interchange/problems';

export interface ExportedFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

/** Keeps a file name to letters, digits and . _ - whatever the framework code holds. */
function fileName(record: FrameworkVersionRecord, format: FileFormat): string {
  return `${record.frameworkCode.replace(/[^A-Za-z0-9._-]/g, '_')}-v${record.version}.${format}`;
}

function sizeOf(content: FrameworkContent): Record<string, number> {
  return 'criteria' in content
    ? { criteria: content.criteria.length, indicators: content.indicators.length }
    : { targetGroups: content.targetGroups.length, actions: content.actions.length };
}

/** Every problem of a refused file; a spreadsheet problem names its cell in `field` and carries sheet, row and column. */
function fileProblems(key: MessageKey, problems: InterchangeProblem[], status = HttpStatus.BAD_REQUEST): ApiError {
  return new ApiError(
    status,
    key,
    {},
    problems.map(
      (found): FieldProblem => ({
        field: found.cell ? cellReference(found.cell) : (found.path ?? 'file'),
        constraint: found.code,
        fallback: found.message.en,
        messages: found.message,
        ...(found.cell ? { cell: found.cell } : {}),
      }),
    ),
  );
}

/**
 * Framework versions as files: exported as JSON, YAML or XLSX, and imported from them as a new DRAFT or into an
 * existing one. An import is all or nothing: a file with any problem (its format, its structure, or the rules a version
 * must meet to be published) is refused with every problem listed, and nothing is written.
 */
@Injectable()
export class FrameworkFilesService {
  constructor(private readonly dataSource: DataSource) {}

  async exportFile(id: string, format: FileFormat): Promise<ExportedFile> {
    const record = await this.load(id);
    const bytes = await writeDocument(documentOf(record), format).catch((error: unknown) => {
      if (error instanceof NotExportableError) throw fileProblems('framework.notExportable', error.problems, HttpStatus.CONFLICT);
      throw error;
    });
    return { bytes, mediaType: MEDIA_TYPES[format], fileName: fileName(record, format) };
  }

  async importNew(bytes: Buffer, format: FileFormat, actor: RequestActor): Promise<VersionSummary> {
    const document = await this.parse(bytes, format);
    return this.dataSource.transaction(async (manager) => {
      await lockFrameworkCode(manager, document.frameworkCode);
      const existing = await latestVersionsOfCode(manager, document.frameworkCode);
      const other = existing.find((row) => row.programme !== document.programme);
      if (other) {
        throw ApiError.conflict('framework.codeOfOtherProgramme', { code: document.frameworkCode, existing: other.programme, programme: document.programme });
      }
      const draft = await manager.getRepository(FrameworkVersionRecord).save({
        programme: document.programme,
        frameworkCode: document.frameworkCode,
        version: (existing[0]?.latest ?? 0) + 1,
        status: FrameworkStatus.DRAFT,
        label: document.label,
        content: document.content,
      });
      await recordAudit(manager, {
        ...actor,
        action: 'framework.imported',
        entityType: 'framework_version',
        entityId: draft.id,
        after: { ...versionSummary(draft), format, ...sizeOf(draft.content) },
      });
      return versionSummary(draft);
    });
  }

  /** A missing or frozen version is reported before the file is read. */
  async assertImportable(id: string): Promise<void> {
    assertDraft(await this.load(id));
  }

  async importInto(id: string, bytes: Buffer, format: FileFormat, actor: RequestActor): Promise<VersionSummary> {
    const current = await this.load(id);
    const document = await this.parse(bytes, format, current);
    return this.dataSource.transaction(async (manager) => {
      const record = await this.load(id, manager, true);
      assertDraft(record);
      await manager.update(FrameworkVersionRecord, id, { label: document.label, content: document.content });
      const updated = await this.load(id, manager);
      await recordAudit(manager, {
        ...actor,
        action: 'framework.imported',
        entityType: 'framework_version',
        entityId: id,
        before: { label: record.label, ...sizeOf(record.content) },
        after: { ...versionSummary(updated), format, ...sizeOf(updated.content) },
      });
      return versionSummary(updated);
    });
  }

  /** The file's document, or a 400 with every problem; a replacement must keep the draft's programme and code. */
  private async parse(bytes: Buffer, format: FileFormat, target?: FrameworkVersionRecord): Promise<FrameworkDocument> {
    const result = await readDocument(bytes, format, target ? { version: target.version, expect: { programme: target.programme, frameworkCode: target.frameworkCode } } : {});
    if (!result.ok) throw fileProblems('framework.fileInvalid', result.problems);
    return result.value;
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    return record;
  }
}

function assertDraft(record: FrameworkVersionRecord): void {
  if (record.status !== FrameworkStatus.DRAFT) throw new ApiError(HttpStatus.CONFLICT, 'framework.notEditable', { status: record.status });
}
