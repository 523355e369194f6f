import type { Schemas } from '@peduli/api-client';
import { isApiErrorBody } from '@peduli/api-client';

/**
 * The assignments page's rules, without React or the network: the cycle's items grouped as the framework shows them,
 * the coordinator's edits as the whole set the PUT takes, and the API's refusal (`items[3].unitIds[1]`) pinned back to
 * the item it names.
 */

export type AssignmentsView = Schemas['AssignmentsView'];
export type AssignableItem = Schemas['AssignableItemView'];
export type AssignmentUnit = Schemas['AssignmentUnitView'];
export type CopyForwardView = Schemas['CopyForwardView'];

export interface ItemDraft {
  unitIds: string[];
  leadUnitId: string | null;
}
export type Draft = Record<string, ItemDraft>;

export interface ItemGroup {
  code: string;
  title: string | null;
  items: AssignableItem[];
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export function draftOf(view: AssignmentsView): Draft {
  return Object.fromEntries(view.items.map((item) => [item.code, { unitIds: [...item.unitIds], leadUnitId: item.leadUnitId }]));
}

/** The lead that goes with a choice of units: the only unit, or the chosen lead while it is still among them. */
export function withUnits(previous: ItemDraft, unitIds: string[]): ItemDraft {
  if (unitIds.length === 0) return { unitIds, leadUnitId: null };
  if (unitIds.length === 1) return { unitIds, leadUnitId: unitIds[0] };
  return { unitIds, leadUnitId: previous.leadUnitId && unitIds.includes(previous.leadUnitId) ? previous.leadUnitId : null };
}

/**
 * KKP HAM indicators under their criterion (from the version's content); RANHAM actions each a group of the action
 * and its measures, which the API lists right after it.
 */
export function groupItems(view: AssignmentsView, content: unknown): ItemGroup[] {
  const json = (content ?? {}) as Json;
  if (view.programme === 'KKP_HAM') {
    const criterionOf = new Map(list(json.indicators).map((indicator) => [String(indicator.code), String(indicator.criterionCode ?? '')]));
    const names = new Map(list(json.criteria).map((criterion) => [String(criterion.code), String(criterion.name ?? '')]));
    const groups = new Map<string, ItemGroup>();
    for (const item of view.items) {
      const code = criterionOf.get(item.code) ?? '';
      if (!groups.has(code)) groups.set(code, { code, title: names.get(code) ?? null, items: [] });
      groups.get(code)!.items.push(item);
    }
    return [...groups.values()];
  }
  const groups: ItemGroup[] = [];
  for (const item of view.items) {
    const owner = item.kind === 'MEASURE' && item.parentCode ? item.parentCode : item.code;
    const last = groups[groups.length - 1];
    if (last && last.code === owner) last.items.push(item);
    else groups.push({ code: owner, title: item.kind === 'ACTION' ? item.text : null, items: [item] });
  }
  return groups;
}

/** The whole set for the PUT, in the view's order: only items with units (an empty list would assign nothing anyway). */
export function setToSave(view: AssignmentsView, draft: Draft): { code: string; unitIds: string[]; leadUnitId: string | null }[] {
  return view.items
    .map((item) => ({ code: item.code, ...(draft[item.code] ?? { unitIds: [], leadUnitId: null }) }))
    .filter((item) => item.unitIds.length > 0)
    .map((item) => ({ code: item.code, unitIds: item.unitIds, leadUnitId: item.leadUnitId }));
}

/** Whether the draft differs from what the API holds. */
export function isChanged(view: AssignmentsView, draft: Draft): boolean {
  return view.items.some((item) => {
    const edited = draft[item.code];
    if (!edited) return false;
    const same = edited.unitIds.length === item.unitIds.length && edited.unitIds.every((id) => item.unitIds.includes(id));
    return !same || (edited.unitIds.length > 1 && edited.leadUnitId !== item.leadUnitId);
  });
}

/** The items with several units and no lead: the API would refuse them, so the page names them before sending. */
export function itemsWithoutLead(view: AssignmentsView, draft: Draft): string[] {
  return setToSave(view, draft)
    .filter((item) => item.unitIds.length > 1 && !item.leadUnitId)
    .map((item) => item.code);
}

export interface ItemProblem {
  /** The item the problem is about, or null for the request as a whole. */
  code: string | null;
  /** Which of the item's fields: its units or its lead. */
  field: 'units' | 'lead';
  text: string;
}

/** The API's refusal, each problem pinned to the item its field names by position in the set sent. */
export function problemsOfRefusal(error: unknown, sent: readonly { code: string }[], fallback: string): ItemProblem[] {
  if (!isApiErrorBody(error)) return [{ code: null, field: 'units', text: fallback }];
  const problems = error.problems ?? [];
  if (problems.length === 0) return [{ code: null, field: 'units', text: error.message }];
  return problems.map((problem) => {
    const index = /^items\[(\d+)\]/.exec(problem.field)?.[1];
    const code = index === undefined ? null : (sent[Number(index)]?.code ?? null);
    const field = /leadUnitId/.test(problem.field) ? 'lead' : 'units';
    return { code, field, text: code ? `${code}: ${problem.problem}` : `${problem.field}: ${problem.problem}` };
  });
}

/** The id of an item's unit field, where the error summary sends focus. */
export const unitsFieldId = (code: string): string => `assign-units-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
export const leadFieldId = (code: string): string => `assign-lead-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
