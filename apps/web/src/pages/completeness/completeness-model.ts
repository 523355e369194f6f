import type { Schemas } from '@peduli/api-client';

/**
 * The completeness page's pure rules: who may open it, which units a set of filters keeps, the totals by status, what
 * one table row shows, and the export's query. No React here, so a national-size list (25,700 units) can be filtered
 * and measured without rendering anything.
 */

export type CompletenessRow = Schemas['CompletenessRow'];
export type CompletenessStatus = CompletenessRow['status'];
export type RoleName = Schemas['GrantView']['role'];
export type Programme = Schemas['CycleView']['programme'];
export type ExportFormat = 'csv' | 'xlsx';

/** In the order a unit moves through them, with LATE last as the one that needs action. */
export const COMPLETENESS_STATUSES: readonly CompletenessStatus[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'LATE'];

/** Colours of the status dots; the status is always written next to it, so colour is never the only signal. */
export const STATUS_COLOUR: Record<CompletenessStatus, string> = {
  NOT_STARTED: 'gray',
  DRAFT: 'yellow',
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  VERIFIED: 'green',
  LATE: 'red',
};

const OVERSIGHT_ROLES: ReadonlySet<RoleName> = new Set(['COORDINATOR', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER', 'NATIONAL_ADMIN']);
const REVIEWING_ROLES: ReadonlySet<RoleName> = new Set(['COORDINATOR', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER']);

/** Whether Beranda offers the page: to those who oversee units (coordinators, the Kanwil, the centre, admins). */
export const overseesCompleteness = (roles: readonly { role: RoleName }[]): boolean => roles.some((grant) => OVERSIGHT_ROLES.has(grant.role));

/** A reviewer opens a report on the review page (answers beside evidence); anyone else on the report's own page. */
export function reportHref(submissionId: string, roles: readonly { role: RoleName }[]): string {
  return roles.some((grant) => REVIEWING_ROLES.has(grant.role)) ? `/review/${submissionId}` : `/reports/${submissionId}`;
}

export interface CompletenessFilters {
  provinceCode: string | null;
  regionCode: string | null;
  status: CompletenessStatus | null;
  lateOnly: boolean;
}

export const NO_FILTERS: CompletenessFilters = { provinceCode: null, regionCode: null, status: null, lateOnly: false };

/** Late, as the export's lateOnly means it: still owing a report after its deadline, or sent within an extension. */
export const isLateUnit = (row: CompletenessRow): boolean => row.status === 'LATE' || row.late;

/** A unit's province: its regency/city's for regency/city units; a ministry's or a province's units have none here. */
export const provinceOf = (row: CompletenessRow): string | null => (row.regionCode ? row.regionCode.slice(0, 2) : null);

function inPlace(row: CompletenessRow, filters: CompletenessFilters): boolean {
  if (filters.regionCode && row.regionCode !== filters.regionCode) return false;
  return !filters.provinceCode || provinceOf(row) === filters.provinceCode;
}

/** The units the filters keep, in the API's order (by regency/city, its own report first). */
export function filterRows(rows: readonly CompletenessRow[], filters: CompletenessFilters): CompletenessRow[] {
  return rows.filter((row) => inPlace(row, filters) && (!filters.status || row.status === filters.status) && (!filters.lateOnly || isLateUnit(row)));
}

/**
 * Units per status within the chosen place, every status present. The status and late filters are left out on
 * purpose: the totals are what a person picks a status from, so they must not collapse to the one already picked.
 */
export function totalsByStatus(rows: readonly CompletenessRow[], filters: CompletenessFilters): Record<CompletenessStatus, number> {
  const totals = Object.fromEntries(COMPLETENESS_STATUSES.map((status) => [status, 0])) as Record<CompletenessStatus, number>;
  for (const row of rows) if (inPlace(row, filters)) totals[row.status] += 1;
  return totals;
}

export interface PlaceOption {
  value: string;
  label: string;
}

/** The provinces present in the list, by code, named where the names are known. */
export function provinceOptions(rows: readonly CompletenessRow[], names: ReadonlyMap<string, string>): PlaceOption[] {
  const codes = [...new Set(rows.map(provinceOf).filter((code): code is string => code !== null))].sort();
  return codes.map((code) => ({ value: code, label: names.has(code) ? `${names.get(code)} (${code})` : code }));
}

/** The regencies/cities present in the list, within the chosen province if there is one. */
export function regionOptions(rows: readonly CompletenessRow[], provinceCode: string | null): PlaceOption[] {
  const regions = new Map<string, string>();
  for (const row of rows) {
    if (row.regionCode && (!provinceCode || provinceOf(row) === provinceCode)) regions.set(row.regionCode, row.regionName ?? row.regionCode);
  }
  return [...regions].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ value: code, label: `${name} (${code})` }));
}

/** A place filter that no longer fits the list (another period, another province) is dropped rather than showing nothing. */
export function fitFilters(filters: CompletenessFilters, provinces: readonly PlaceOption[], regions: readonly PlaceOption[]): CompletenessFilters {
  const provinceCode = filters.provinceCode && provinces.some((p) => p.value === filters.provinceCode) ? filters.provinceCode : null;
  const regionCode = filters.regionCode && regions.some((r) => r.value === filters.regionCode) ? filters.regionCode : null;
  return provinceCode === filters.provinceCode && regionCode === filters.regionCode ? filters : { ...filters, provinceCode, regionCode };
}

export type LateFlag = 'LATE' | 'SUBMITTED_LATE' | null;

/** What one table row shows; words are looked up by the page, so this stays language-free. */
export interface RowModel {
  key: string;
  /** The unit's name, or null for a regency/city's own report (shown as "Laporan <regency/city>"). */
  unitName: string | null;
  regionName: string | null;
  regionCode: string | null;
  status: CompletenessStatus;
  colour: string;
  lateFlag: LateFlag;
  /** The unit's deadline as people read it, in its own zone (with any extension), or null while none is set. */
  deadline: string | null;
  extended: boolean;
  /** Where its report opens, or null while it has none. */
  href: string | null;
}

export function toRowModel(row: CompletenessRow, language: 'id' | 'en', roles: readonly { role: RoleName }[]): RowModel {
  return {
    key: `${row.regionCode ?? ''}|${row.organisationId ?? ''}`,
    unitName: row.organisationName,
    regionName: row.regionName,
    regionCode: row.regionCode,
    status: row.status,
    colour: STATUS_COLOUR[row.status],
    lateFlag: row.status === 'LATE' ? 'LATE' : row.late ? 'SUBMITTED_LATE' : null,
    deadline: row.deadline ? row.deadline[language] : null,
    extended: row.extended,
    href: row.submissionId ? reportHref(row.submissionId, roles) : null,
  };
}

/** The export's query for what the page shows: the same period, place, status and late filters. */
export function exportQuery(selection: { cycleId: string; periodCode: string }, filters: CompletenessFilters, format: ExportFormat) {
  return {
    cycleId: selection.cycleId,
    periodCode: selection.periodCode,
    format,
    ...(filters.regionCode ? { regionCode: filters.regionCode } : filters.provinceCode ? { provinceCode: filters.provinceCode } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.lateOnly ? { lateOnly: true } : {}),
  };
}

/** The period a person most likely wants: the next deadline still ahead, else the one that closed last. */
export function defaultPeriod<P extends { code: string; deadlineDate: string }>(periods: readonly P[], today: string): P | undefined {
  const sorted = [...periods].sort((a, b) => a.deadlineDate.localeCompare(b.deadlineDate));
  return sorted.find((period) => period.deadlineDate >= today) ?? sorted[sorted.length - 1];
}
