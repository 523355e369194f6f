import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ReportingCycle } from '@peduli/db';
import { CompletenessStatus, isAllowed, Permission } from '@peduli/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { organisationScope } from '../auth/scopes';
import { CompletenessController, CompletenessRow } from '../completeness/completeness.controller';
import { findRegionlessReporter } from '../organisations/reporting-organisation';
import { ExportScope, PlaceFilter } from './export-scope';
import type { Cell, ExportColumn, ExportTable } from './table-writer';

const COLUMNS: ExportColumn[] = [
  { header: { id: 'Kode Wilayah', en: 'Region Code' }, width: 12 },
  { header: { id: 'Nama Wilayah', en: 'Region Name' }, width: 28 },
  { header: { id: 'ID Organisasi', en: 'Organisation ID' }, width: 38 },
  { header: { id: 'Nama Organisasi', en: 'Organisation Name' }, width: 32 },
  { header: { id: 'Status', en: 'Status' }, width: 14 },
  { header: { id: 'Terlambat', en: 'Late' }, width: 10 },
  { header: { id: 'Tahap Pemeriksaan', en: 'Review Stage' }, width: 16 },
  { header: { id: 'ID Laporan', en: 'Submission ID' }, width: 38 },
];

/** Which rows of the matrix a file keeps: one status, and/or only the late ones (LATE, or submitted late). */
export interface RowFilter {
  status?: CompletenessStatus;
  lateOnly?: boolean;
}

export const keepsRow = (filter: RowFilter) => (row: CompletenessRow): boolean =>
  (!filter.status || row.status === filter.status) && (!filter.lateOnly || row.status === CompletenessStatus.LATE || row.late);

const toCells = (row: CompletenessRow): Cell[] => [
  row.regionCode,
  row.regionName,
  row.organisationId,
  row.organisationName,
  row.status,
  row.late,
  row.reviewStage,
  row.submissionId,
];

/**
 * The completeness matrix of a cycle's period, with the very rows of GET /completeness: the matrix is computed by
 * that endpoint's own code, called once per province (or once for a regency/city filter) rather than once for the
 * whole country, so what is held at a time is one province's units, not every unit of the country. With an
 * organisationId, the rows of that ministry's or Biro Hukum's report and its units. Provinces come in
 * code order and the matrix orders by regency/city code, so the file is in the same order as the endpoint's list.
 */
@Injectable()
export class CompletenessExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ExportScope,
    private readonly moduleRef: ModuleRef,
  ) {}

  async table(query: { cycleId: string; periodCode: string; organisationId?: string } & PlaceFilter & RowFilter, principal: Principal): Promise<ExportTable> {
    // The matrix checks the cycle too, but only once the file has started; a missing cycle must be a 404 instead.
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: query.cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const keep = keepsRow(query);
    if (query.organisationId) return this.reporterTable({ cycleId: query.cycleId, periodCode: query.periodCode, organisationId: query.organisationId }, cycle, principal, keep);
    const provinces =
      (await this.scope.provincesOf(principal, Permission.SUBMISSIONS_READ, query)) ??
      ((await this.dataSource.query(`SELECT code FROM province ORDER BY code`)) as { code: string }[]).map((row) => row.code);
    const { cycleId, periodCode } = query;
    const parts = query.regionCode ? [{ cycleId, periodCode, regionCode: query.regionCode }] : provinces.map((provinceCode) => ({ cycleId, periodCode, provinceCode }));
    const completeness = this.moduleRef.get(CompletenessController, { strict: false });
    async function* batches(): AsyncGenerator<Cell[][]> {
      for (const part of parts) {
        const units = (await completeness.matrix(part, principal)).units.filter(keep);
        if (units.length > 0) yield units.map(toCells);
      }
    }
    const stem = `${cycle.programme.toLowerCase()}-${cycle.year}-${periodCode}${query.regionCode ? `-${query.regionCode}` : query.provinceCode ? `-${query.provinceCode}` : ''}`;
    return {
      fileName: { id: `kelengkapan-${stem}`, en: `completeness-${stem}` },
      sheetName: { id: 'Kelengkapan', en: 'Completeness' },
      columns: COLUMNS,
      batches: batches(),
    };
  }

  /**
   * A ministry's or a Biro Hukum's report and its units, in one part (a reporter has tens of units, not thousands). A
   * reporter the caller cannot see answers 404, as a missing one does.
   */
  private async reporterTable(
    query: { cycleId: string; periodCode: string; organisationId: string },
    cycle: ReportingCycle,
    principal: Principal,
    keep: (row: CompletenessRow) => boolean,
  ): Promise<ExportTable> {
    const reporter = await findRegionlessReporter(this.dataSource.manager, query.organisationId);
    if (!reporter || !isAllowed(principal.grants, Permission.SUBMISSIONS_READ, organisationScope(reporter.organisation))) {
      throw ApiError.notFound('reporter.notReporting', { id: query.organisationId });
    }
    const completeness = this.moduleRef.get(CompletenessController, { strict: false });
    async function* batches(): AsyncGenerator<Cell[][]> {
      const units = (await completeness.matrix(query, principal)).units.filter(keep);
      if (units.length > 0) yield units.map(toCells);
    }
    const stem = `${cycle.programme.toLowerCase()}-${cycle.year}-${query.periodCode}-${query.organisationId}`;
    return {
      fileName: { id: `kelengkapan-${stem}`, en: `completeness-${stem}` },
      sheetName: { id: 'Kelengkapan', en: 'Completeness' },
      columns: COLUMNS,
      batches: batches(),
    };
  }
}
