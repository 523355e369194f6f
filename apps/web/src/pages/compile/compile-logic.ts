import type { ApiErrorBody, Schemas } from '@peduli/api-client';
import type { MessageKey } from '../../i18n/messages';

/**
 * The compile page's rules, without React or the network: whose report a coordinator compiles, which units' inputs
 * are in it, what the API's refusal says disagrees, and the coordinator's settlement of each disagreement as the
 * answers the compile call takes.
 */

export type Grant = Schemas['GrantView'];
export type Organisation = Schemas['OrganisationView'];
export type SubmissionSummary = Schemas['SubmissionSummary'];
export type Programme = SubmissionSummary['programme'];
export type AnswerValue = number | boolean | string | null;
export type Answers = Record<string, AnswerValue>;

/** A regency/city (through its Bagian Hukum), or a reporting organisation: a ministry or a province's Biro Hukum. */
export type Reporter = { regionCode: string; organisationId?: undefined } | { organisationId: string; regionCode?: undefined };

export const reporterKey = (reporter: Reporter): string => reporter.regionCode ?? reporter.organisationId!;

/** The reporters the caller coordinates: one per COORDINATOR grant, in the order the grants come. */
export function reportersOf(roles: readonly Grant[]): Reporter[] {
  const found = new Map<string, Reporter>();
  for (const grant of roles) {
    if (grant.role !== 'COORDINATOR') continue;
    const reporter: Reporter | null = grant.scope.organisationId
      ? { organisationId: grant.scope.organisationId }
      : grant.scope.regionCode
        ? { regionCode: grant.scope.regionCode }
        : null;
    if (reporter && !found.has(reporterKey(reporter))) found.set(reporterKey(reporter), reporter);
  }
  return [...found.values()];
}

/** A ministry and a Biro Hukum report RANHAM only; a regency/city reports both programmes. */
export const programmesOf = (reporter: Reporter): Programme[] => (reporter.organisationId ? ['RANHAM'] : ['KKP_HAM', 'RANHAM']);

/** Kinds that file the reporter's own report rather than a unit's input (the domain's isReporterOwnReport). */
const OWN_REPORT_KINDS: readonly Organisation['kind'][] = ['BAGIAN_HUKUM', 'BIRO_HUKUM', 'MINISTRY'];
/** Kinds that give no RANHAM input (the domain's reporterLevelOf is null for them). */
const NO_RANHAM_INPUT: readonly Organisation['kind'][] = ['KANWIL', 'COMPANY', 'UNIVERSITY', 'NGO'];

/** The organisations whose inputs the reporter compiles for the programme, by name. */
export function unitsOf(organisations: readonly Organisation[], programme: Programme): Organisation[] {
  return organisations
    .filter((o) => o.active && !OWN_REPORT_KINDS.includes(o.kind) && (programme === 'KKP_HAM' || !NO_RANHAM_INPUT.includes(o.kind)))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export interface UnitRow {
  unit: Organisation;
  /** The unit's current input of the period (the newest that no other replaced), or null when it has none. */
  input: SubmissionSummary | null;
  /** Whether the compilation takes it: only inputs the coordinator approved (VERIFIED) are compiled. */
  approved: boolean;
}

/** Every unit with its input of the period; `submissions` newest first, as the API lists them. */
export function unitRows(units: readonly Organisation[], submissions: readonly SubmissionSummary[]): UnitRow[] {
  return units.map((unit) => {
    const input = submissions.find((s) => s.organisationId === unit.id && !s.supersededBy) ?? null;
    return { unit, input, approved: input?.status === 'VERIFIED' };
  });
}

/**
 * The reporter's own (compiled) report among the period's submissions: a regency/city's carries no organisation, a
 * ministry's or Biro Hukum's carries the reporter's own (its units' inputs carry theirs). Matching the reporter, not
 * just "no unit's input", matters to a coordinator of several, who sees the others' reports in the same list.
 */
export function compiledReportOf(submissions: readonly SubmissionSummary[], reporter: Reporter): SubmissionSummary | null {
  const isThisReporter = (s: SubmissionSummary) =>
    reporter.organisationId !== undefined ? s.organisationId === reporter.organisationId : s.regionCode === reporter.regionCode && s.organisationId === null;
  return submissions.find((s) => !s.supersededBy && isThisReporter(s)) ?? null;
}

/** The words for where an input stands, as a dictionary key with its parameters. */
export function inputStatusKey(input: SubmissionSummary | null): { key: MessageKey; stage?: MessageKey } {
  if (!input) return { key: 'compile.noInput' };
  if (input.status === 'IN_REVIEW' && input.reviewStage) return { key: 'compile.waitingAt', stage: `review.stage.${input.reviewStage}` as MessageKey };
  return { key: `status.${input.status}` as MessageKey };
}

export interface Conflict {
  code: string;
  /** The API's own words for it, naming each unit and its value. */
  problem: string;
  /** Each approved unit's value for the code, as the compilation saw it. */
  values: { unit: string; value: AnswerValue }[];
}

const unanswered = (value: AnswerValue | undefined): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The disagreements of a refused compilation: the codes come from the API's problems (`answers.<code>`), the values
 * from the approved inputs' own answers, so nothing is read out of the message text.
 */
export function conflictsOf(error: ApiErrorBody, approved: readonly { unit: string; answers: Answers }[]): Conflict[] {
  return (error.problems ?? [])
    .filter((problem) => problem.field.startsWith('answers.'))
    .map((problem) => {
      const code = problem.field.slice('answers.'.length);
      const values = approved.filter((input) => !unanswered(input.answers[code])).map((input) => ({ unit: input.unit, value: input.answers[code] }));
      return { code, problem: problem.problem, values };
    });
}

/** Whether a refusal is the units' disagreement (409 with the codes), rather than anything else. */
export const isDisagreement = (error: ApiErrorBody): boolean =>
  error.statusCode === 409 && (error.problems ?? []).some((problem) => problem.field.startsWith('answers.'));

/** The coordinator's choice for one code: one of the units' values (by its place in the list), or a typed answer. */
export interface Choice {
  pick: number | 'other' | null;
  other: string;
}

export interface SettleProblem {
  code: string;
  /** Whether the problem is with the typed answer (its own field) rather than the choice. */
  onOther: boolean;
  message: { key: MessageKey; params: Record<string, string> };
}

const YES = ['ya', 'yes', 'true'];
const NO = ['tidak', 'no', 'false'];
const NUMBER = /^-?\d+([.,]\d+)?$/;

/** A typed answer read like the units' answers to the same code: a number, yes or no, or else text. */
function readOther(conflict: Conflict, raw: string): { ok: true; value: AnswerValue } | { ok: false; key: MessageKey } {
  const typed = raw.trim();
  const kinds = new Set(conflict.values.map((entry) => typeof entry.value));
  if (kinds.size === 1 && kinds.has('number')) {
    return NUMBER.test(typed.replace(/\s/g, '')) ? { ok: true, value: Number(typed.replace(/\s/g, '').replace(',', '.')) } : { ok: false, key: 'compile.notANumber' };
  }
  if (kinds.size === 1 && kinds.has('boolean')) {
    const word = typed.toLowerCase();
    if (YES.includes(word)) return { ok: true, value: true };
    if (NO.includes(word)) return { ok: true, value: false };
    return { ok: false, key: 'compile.notYesNo' };
  }
  return { ok: true, value: typed };
}

/** The settlement as the compile call's answers, or every problem with it (GOV.UK: all of them at once). */
export function settle(conflicts: readonly Conflict[], choices: Readonly<Record<string, Choice>>): { answers: Answers; problems: SettleProblem[] } {
  const answers: Answers = {};
  const problems: SettleProblem[] = [];
  for (const conflict of conflicts) {
    const choice = choices[conflict.code] ?? { pick: null, other: '' };
    const params = { code: conflict.code };
    if (choice.pick === null) {
      problems.push({ code: conflict.code, onOther: false, message: { key: 'compile.chooseValue', params } });
    } else if (choice.pick === 'other') {
      if (choice.other.trim() === '') {
        problems.push({ code: conflict.code, onOther: true, message: { key: 'compile.typeOther', params } });
        continue;
      }
      const read = readOther(conflict, choice.other);
      if (read.ok) answers[conflict.code] = read.value;
      else problems.push({ code: conflict.code, onOther: true, message: { key: read.key, params } });
    } else {
      answers[conflict.code] = conflict.values[choice.pick]?.value ?? null;
    }
  }
  return { answers, problems };
}

/** The id of a conflict's first control (the choice), and of its typed answer: the error summary links to them. */
export const choiceFieldId = (code: string): string => `settle-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
export const otherFieldId = (code: string): string => `${choiceFieldId(code)}-other`;

/** An answer as the page shows it: ya/tidak, 75,5 in Indonesian. */
export function formatValue(value: AnswerValue, language: 'id' | 'en', words: { yes: string; no: string; empty: string }): string {
  if (value === null || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 4 });
  return value;
}
