import { FrameworkContent, KkpFrameworkContent, RanhamFrameworkContent, RanhamReporterLevel } from './frameworks/model';
import { normaliseRanhamContent } from './frameworks/ranham-measures';
import { Bilingual } from './locale';
import { Programme } from './programmes';

/*
 * Who answers what: a reporter assigns the items of a cycle's framework version to its units. An item is a KKP HAM
 * indicator, a RANHAM action (all its measures, in every period) or one RANHAM measure. Answers are keyed by indicator
 * or measure code (by action code in versions of the old shape), so an assignment is read through its answer codes.
 */

export type AssignableItemKind = 'INDICATOR' | 'ACTION' | 'MEASURE';

export interface AssignableItem {
  code: string;
  kind: AssignableItemKind;
  text: string;
  /** A measure's action; null for indicators and actions. */
  parentCode: string | null;
  /** A measure's period (e.g. "B08"); null for indicators and actions. */
  periodCode: string | null;
}

/** The assignable items of a version, by code, and how each expands to answer codes per period. */
export interface AssignmentCatalogue {
  programme: Programme;
  items: readonly AssignableItem[];
  byCode: ReadonlyMap<string, AssignableItem>;
  /** Answer codes per item and period code; an indicator's answer code holds in every period. */
  answerCodes(itemCode: string, periodCode: string | null): readonly string[];
}

/** Which RANHAM actions a reporter can assign: those of the cycle's year for its level (all when unset). */
export interface CatalogueScope {
  year?: number;
  level?: RanhamReporterLevel | null;
}

/**
 * The items of a version in their listed order: KKP HAM indicators; RANHAM actions (of the scope's year and level),
 * each followed by its measures. An old-shape measure is coded by its action, so the action alone stands for it.
 */
export function assignmentCatalogue(programme: Programme, content: FrameworkContent, scope: CatalogueScope = {}): AssignmentCatalogue {
  const items: AssignableItem[] = [];
  const measuresOfAction = new Map<string, { code: string; periodCode: string }[]>();
  if (programme === Programme.KKP_HAM) {
    for (const indicator of (content as KkpFrameworkContent).indicators ?? []) {
      items.push({ code: indicator.code, kind: 'INDICATOR', text: indicator.text, parentCode: null, periodCode: null });
    }
  } else {
    for (const action of normaliseRanhamContent(content as RanhamFrameworkContent).actions ?? []) {
      if (scope.year !== undefined && action.year !== scope.year) continue;
      if (scope.level && !(action.reporterLevels ?? []).includes(scope.level)) continue;
      items.push({ code: action.code, kind: 'ACTION', text: action.title, parentCode: null, periodCode: null });
      const measures = (action.successMeasures ?? []).map((measure) => ({ code: measure.code, periodCode: measure.periodCode }));
      measuresOfAction.set(action.code, measures);
      for (const measure of action.successMeasures ?? []) {
        if (measure.code === action.code) continue;
        items.push({ code: measure.code, kind: 'MEASURE', text: measure.measure, parentCode: action.code, periodCode: measure.periodCode });
      }
    }
  }
  const byCode = new Map<string, AssignableItem>();
  for (const item of items) if (!byCode.has(item.code)) byCode.set(item.code, item);
  const answerCodes = (itemCode: string, periodCode: string | null): readonly string[] => {
    const item = byCode.get(itemCode);
    if (!item) return [];
    if (item.kind === 'INDICATOR') return [item.code];
    if (item.kind === 'MEASURE') return periodCode === null || item.periodCode === periodCode ? [item.code] : [];
    const measures = measuresOfAction.get(item.code) ?? [];
    return [...new Set(measures.filter((measure) => periodCode === null || measure.periodCode === periodCode).map((measure) => measure.code))];
  };
  return { programme, items, byCode, answerCodes };
}

/**
 * The answer codes some item codes cover in a period (null: every period of the cycle). An action and one of its own
 * measures both assigned give that measure's code once; codes no longer in the version give nothing.
 */
export function expandAssignedCodes(catalogue: AssignmentCatalogue, itemCodes: Iterable<string>, periodCode: string | null): Set<string> {
  const codes = new Set<string>();
  for (const itemCode of itemCodes) for (const code of catalogue.answerCodes(itemCode, periodCode)) codes.add(code);
  return codes;
}

/** Every answer code of the version in a period (null: every period): what a reporter's units together answer. */
export function allAnswerCodes(catalogue: AssignmentCatalogue, periodCode: string | null): Set<string> {
  return expandAssignedCodes(
    catalogue,
    catalogue.items.filter((item) => item.kind !== 'MEASURE').map((item) => item.code),
    periodCode,
  );
}

/** One item of an assignment set as a coordinator sends it. */
export interface AssignmentItemInput {
  code: string;
  unitIds: readonly string[];
  leadUnitId?: string | null;
}

/** One item as stored: its units and its lead (null only for a copied item whose lead left and several units stay). */
export interface AssignmentItem {
  code: string;
  unitIds: readonly string[];
  leadUnitId: string | null;
}

export interface AssignmentProblem {
  /** Where in the request, e.g. "items[3].unitIds[1]". */
  path: string;
  code: string;
  message: Bilingual;
}

/**
 * The problems of a whole assignment set against the version's items and the reporter's active units, and the set as
 * it will be stored: an item without units assigns nothing and is left out; the lead defaults to the only unit.
 */
export function validateAssignments(
  catalogue: AssignmentCatalogue,
  reporterUnitIds: ReadonlySet<string>,
  items: readonly AssignmentItemInput[],
): { problems: AssignmentProblem[]; items: AssignmentItem[] } {
  const problems: AssignmentProblem[] = [];
  const report = (path: string, code: string, id: string, en: string) => problems.push({ path, code, message: { id, en } });
  const seen = new Map<string, number>();
  const valid: AssignmentItem[] = [];
  items.forEach((item, index) => {
    const at = `items[${index}]`;
    let ok = true;
    if (!catalogue.byCode.has(item.code)) {
      report(`${at}.code`, 'UNKNOWN_ITEM', `Butir ${item.code} tidak ada dalam versi kerangka siklus ini`, `Item ${item.code} is not in this cycle's framework version`);
      ok = false;
    } else if (seen.has(item.code)) {
      const first = seen.get(item.code);
      report(`${at}.code`, 'DUPLICATE_ITEM', `Butir ${item.code} sudah ditugaskan pada items[${first}]`, `Item ${item.code} is already assigned at items[${first}]`);
      ok = false;
    } else {
      seen.set(item.code, index);
    }
    const units = new Set<string>();
    item.unitIds.forEach((unitId, unitIndex) => {
      const path = `${at}.unitIds[${unitIndex}]`;
      if (!reporterUnitIds.has(unitId)) {
        report(path, 'UNKNOWN_UNIT', `Unit ${unitId} bukan unit aktif pelapor ini`, `Unit ${unitId} is not an active unit of this reporter`);
        ok = false;
      } else if (units.has(unitId)) {
        report(path, 'DUPLICATE_UNIT', `Unit ${unitId} disebut dua kali`, `Unit ${unitId} is listed twice`);
        ok = false;
      }
      units.add(unitId);
    });
    let lead = item.leadUnitId ?? null;
    if (lead !== null && !units.has(lead)) {
      report(`${at}.leadUnitId`, 'LEAD_NOT_AMONG_UNITS', `Unit utama harus salah satu unit butir ini`, `The lead unit must be one of this item's units`);
      ok = false;
    } else if (lead === null && units.size === 1) {
      lead = [...units][0];
    } else if (lead === null && units.size > 1) {
      report(`${at}.leadUnitId`, 'LEAD_REQUIRED', `Pilih unit utama di antara beberapa unit`, `Choose a lead unit among the several units`);
      ok = false;
    }
    if (ok && units.size > 0) valid.push({ code: item.code, unitIds: [...units], leadUnitId: lead });
  });
  return { problems, items: problems.length > 0 ? [] : valid };
}

export type CopyForwardDropReason = 'ITEM_NOT_IN_VERSION' | 'UNIT_INACTIVE';

export interface CopyForwardDrop {
  code: string;
  /** The unit dropped from the item; null when the whole item was dropped. */
  unitId: string | null;
  reason: CopyForwardDropReason;
}

/**
 * An earlier cycle's set carried into a new version: items the new version no longer has and units no longer active
 * are dropped, and listed. A lead that left is replaced by the only remaining unit, or left unset among several (the
 * coordinator chooses; until then their answers are settled as without a lead).
 */
export function copyForwardAssignments(
  earlier: readonly AssignmentItem[],
  catalogue: AssignmentCatalogue,
  activeUnitIds: ReadonlySet<string>,
): { items: AssignmentItem[]; dropped: CopyForwardDrop[] } {
  const items: AssignmentItem[] = [];
  const dropped: CopyForwardDrop[] = [];
  for (const item of earlier) {
    if (!catalogue.byCode.has(item.code)) {
      dropped.push({ code: item.code, unitId: null, reason: 'ITEM_NOT_IN_VERSION' });
      continue;
    }
    const unitIds = item.unitIds.filter((unitId) => activeUnitIds.has(unitId));
    for (const unitId of item.unitIds) if (!activeUnitIds.has(unitId)) dropped.push({ code: item.code, unitId, reason: 'UNIT_INACTIVE' });
    if (unitIds.length === 0) continue;
    const lead = item.leadUnitId !== null && unitIds.includes(item.leadUnitId) ? item.leadUnitId : unitIds.length === 1 ? unitIds[0] : null;
    items.push({ code: item.code, unitIds, leadUnitId: lead });
  }
  return { items, dropped };
}

/** One stored row: an item assigned to one unit. */
export interface AssignmentRow {
  itemCode: string;
  unitId: string;
  lead: boolean;
}

/**
 * A reporter's set in one period, by answer code: what each unit covers and which unit leads each code. A measure's
 * own lead stands over its action's (it is the more specific choice).
 */
export function answerAssignments(
  catalogue: AssignmentCatalogue,
  rows: readonly AssignmentRow[],
  periodCode: string | null,
): { codesByUnit: Map<string, Set<string>>; leads: Map<string, string> } {
  const codesByUnit = new Map<string, Set<string>>();
  const leads = new Map<string, string>();
  const specific = new Set<string>();
  for (const row of rows) {
    const codes = catalogue.answerCodes(row.itemCode, periodCode);
    const unitCodes = codesByUnit.get(row.unitId) ?? new Set<string>();
    for (const code of codes) unitCodes.add(code);
    codesByUnit.set(row.unitId, unitCodes);
    if (!row.lead) continue;
    const isMeasure = catalogue.byCode.get(row.itemCode)?.kind === 'MEASURE';
    for (const code of codes) {
      if (specific.has(code) && !isMeasure) continue;
      leads.set(code, row.unitId);
      if (isMeasure) specific.add(code);
    }
  }
  return { codesByUnit, leads };
}

/** Rows grouped into items, in the catalogue's order (codes no longer in it last, by code). */
export function assignmentItemsOf(catalogue: AssignmentCatalogue, rows: readonly AssignmentRow[]): AssignmentItem[] {
  const byCode = new Map<string, { unitIds: string[]; leadUnitId: string | null }>();
  for (const row of rows) {
    const item = byCode.get(row.itemCode) ?? { unitIds: [], leadUnitId: null };
    item.unitIds.push(row.unitId);
    if (row.lead) item.leadUnitId = row.unitId;
    byCode.set(row.itemCode, item);
  }
  const order = new Map(catalogue.items.map((item, index) => [item.code, index]));
  return [...byCode.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([code, item]) => ({ code, unitIds: [...item.unitIds].sort(), leadUnitId: item.leadUnitId }));
}
