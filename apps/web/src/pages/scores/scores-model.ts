import type { Schemas } from '@peduli/api-client';

/**
 * The scores pages' pure rules: who may open them, and how a score's `/explain` payload, its submission's answers, its
 * framework version and its history become rows a person can read. The API types the breakdown loosely (the engine's
 * result is stored as JSON), so every field is checked before use and a missing one reads as absent, never as a crash.
 */

export type ScoreView = Schemas['ScoreSnapshotView'];
export type ScoreExplanation = Schemas['ScoreExplanation'];
export type Adjustment = Schemas['AdjustmentExplanation'];
export type RoleName = Schemas['GrantView']['role'];
export type Programme = Schemas['CycleView']['programme'];
export type AnswerValue = number | boolean | string | null;
export type Answers = Readonly<Record<string, AnswerValue>>;
export type AnswerSource = 'SELF_ASSESSED' | 'VERIFIED';

const OVERSIGHT_ROLES: ReadonlySet<RoleName> = new Set(['COORDINATOR', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER', 'NATIONAL_ADMIN']);

/** Coordinators, the Kanwil, the centre and admins read scores; a unit's staff see theirs on the report. */
export const readsScores = (roles: readonly { role: RoleName }[]): boolean => roles.some((grant) => OVERSIGHT_ROLES.has(grant.role));

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** "75,50" in Indonesian, "75.50" in English: two decimals, as totals are published. */
export function formatScore(value: number, language: 'id' | 'en'): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** What a band is measured against: KKP HAM's top band and its lower edge, or RANHAM's yearly target for the level. */
export interface TargetCheck {
  /** The band that is the target (KKP HAM: PEDULI); null for RANHAM, whose target is a number. */
  band: string | null;
  min: number;
  meets: boolean;
  /** Points still missing to reach the target; 0 when it is met. */
  shortBy: number;
}

/** The KKP HAM bands of a framework version's content, highest first; the default edges when the content has none. */
export function kkpBands(content: unknown): { band: string; min: number }[] {
  const rules = isObject(content) && isObject(content.rules) ? content.rules : {};
  const edges = objects(rules.bands)
    .map((edge) => ({ band: text(edge.band), min: num(edge.min) }))
    .filter((edge): edge is { band: string; min: number } => edge.band !== '' && edge.min !== null);
  const bands = edges.length > 0 ? edges : [
    { band: 'PEDULI', min: 75 },
    { band: 'CUKUP_PEDULI', min: 65 },
    { band: 'MULAI_PEDULI', min: 50 },
    { band: 'KURANG_PEDULI', min: 0 },
  ];
  return [...bands].sort((a, b) => b.min - a.min);
}

export function targetOf(programme: Programme, explanation: Pick<ScoreExplanation, 'total' | 'breakdown'>, content: unknown): TargetCheck {
  const round = (value: number) => Math.round(value * 100) / 100;
  if (programme === 'RANHAM') {
    const min = num(explanation.breakdown.target) ?? 0;
    return { band: null, min, meets: explanation.total >= min, shortBy: round(Math.max(0, min - explanation.total)) };
  }
  const [top] = kkpBands(content);
  return { band: top.band, min: top.min, meets: explanation.total >= top.min, shortBy: round(Math.max(0, top.min - explanation.total)) };
}

/** One bar of a chart and one row of its table. */
export interface Bar {
  code: string;
  label: string;
  /** 0-100. */
  value: number;
}

/** KKP HAM: each criterion's score, named from the version; RANHAM: each action's achievement, named by its measure. */
export function chartBars(programme: Programme, breakdown: Record<string, unknown>, content: unknown): Bar[] {
  if (programme === 'RANHAM') {
    return objects(breakdown.actions).map((action) => ({
      code: text(action.code),
      label: text(action.measure) ? `${text(action.code)} — ${text(action.measure)}` : text(action.code),
      value: num(action.achievement) ?? 0,
    }));
  }
  const names = new Map(objects(isObject(content) ? content.criteria : []).map((criterion) => [text(criterion.code), text(criterion.name)]));
  return objects(breakdown.criteria).map((criterion) => {
    const code = text(criterion.code);
    const name = names.get(code);
    return { code, label: name ? `${code} — ${name}` : code, value: num(criterion.score) ?? 0 };
  });
}

/** Why an indicator earned what it did, for the breakdown's last column. */
export type Why =
  | { kind: 'RULE'; rule: string }
  | { kind: 'REJECTED'; reason: string }
  | { kind: 'UNANSWERED' }
  | { kind: 'INVALID'; reason: string };

/** One indicator (KKP HAM) or success measure (RANHAM) of the breakdown. */
export interface BreakdownRow {
  code: string;
  /** The criterion (KKP HAM) or action (RANHAM) it belongs to. */
  group: string;
  label: string;
  claimed: AnswerValue | undefined;
  verified: AnswerValue | undefined;
  /** Whose value the score used; null when neither was given. */
  counted: AnswerSource | null;
  points: number;
  maxPoints: number;
  why: Why;
}

export interface SubmissionAnswers {
  answers: Answers;
  verifiedAnswers: Answers;
}

function whyOf(entry: Loose, rule: string): Why {
  const status = text(entry.status);
  if (status === 'REJECTED') return { kind: 'REJECTED', reason: text(entry.reason) };
  if (status === 'UNANSWERED') return { kind: 'UNANSWERED' };
  if (status === 'INVALID') return { kind: 'INVALID', reason: text(entry.reason) };
  return { kind: 'RULE', rule };
}

/** Whose value counted: the breakdown's own record of it, or else (older snapshots) the answers on the submission. */
function countedOf(code: string, sources: Loose, submission: SubmissionAnswers): AnswerSource | null {
  const source = sources[code];
  if (source === 'VERIFIED' || source === 'SELF_ASSESSED') return source;
  if (code in submission.verifiedAnswers) return 'VERIFIED';
  return code in submission.answers ? 'SELF_ASSESSED' : null;
}

/** Indicator texts (KKP HAM) or measure texts (RANHAM) of a version's content, by code. */
function labelsOf(programme: Programme, content: unknown): Map<string, string> {
  if (!isObject(content)) return new Map();
  if (programme === 'KKP_HAM') return new Map(objects(content.indicators).map((indicator) => [text(indicator.code), text(indicator.text)]));
  return new Map(
    objects(content.actions).flatMap((action) => objects(action.successMeasures).map((measure) => [text(measure.code) || text(action.code), text(measure.measure)] as const)),
  );
}

/**
 * The breakdown as rows: per indicator (KKP HAM) or success measure (RANHAM), the reporter's answer and the
 * verifier's value from the submission, which one the score used, the points and the rule or reason behind them.
 */
export function breakdownRows(programme: Programme, breakdown: Record<string, unknown>, submission: SubmissionAnswers, content: unknown): BreakdownRow[] {
  const sources = isObject(breakdown.sources) ? breakdown.sources : {};
  const labels = labelsOf(programme, content);
  const row = (code: string, group: string, entry: Loose, points: number, maxPoints: number, rule: string, fallbackLabel = ''): BreakdownRow => ({
    code,
    group,
    label: labels.get(code) || fallbackLabel,
    claimed: submission.answers[code],
    verified: submission.verifiedAnswers[code],
    counted: countedOf(code, sources, submission),
    points,
    maxPoints,
    why: whyOf(entry, rule),
  });
  if (programme === 'RANHAM') {
    return objects(breakdown.actions).flatMap((action) =>
      objects(action.measures).map((measure) =>
        row(text(measure.code), text(action.code), measure, num(measure.achievement) ?? 0, 100, text(measure.label), text(measure.measure)),
      ),
    );
  }
  return objects(breakdown.indicators).map((indicator) =>
    row(text(indicator.code), text(indicator.criterionCode), indicator, num(indicator.points) ?? 0, num(indicator.maxPoints) ?? 0, text(indicator.rule)),
  );
}

/** The gap between self-assessment and verification: answers a verifier changed or rejected, and the totals. */
export interface VerificationGap {
  changed: BreakdownRow[];
  rejected: BreakdownRow[];
  /** The report's latest self-assessed score before this one, if this one is not itself self-assessed. */
  selfAssessedTotal: number | null;
  /** This score minus the self-assessed one: negative when verification lowered it. */
  difference: number | null;
}

export function verificationGap(rows: readonly BreakdownRow[], score: Pick<ScoreView, 'id' | 'submissionId' | 'createdAt' | 'total' | 'basis'>, history: readonly ScoreView[]): VerificationGap {
  const changed = rows.filter((row) => row.verified !== undefined && row.claimed !== row.verified);
  const rejected = rows.filter((row) => row.why.kind === 'REJECTED');
  const selfAssessed = score.basis === 'SELF_ASSESSED' && rejected.length === 0
    ? undefined
    : history
        .filter((other) => other.submissionId === score.submissionId && other.id !== score.id && other.basis === 'SELF_ASSESSED' && other.createdAt <= score.createdAt)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .at(-1);
  const selfAssessedTotal = selfAssessed?.total ?? null;
  return {
    changed,
    rejected,
    selfAssessedTotal,
    difference: selfAssessedTotal === null ? null : Math.round((score.total - selfAssessedTotal) * 100) / 100,
  };
}

/**
 * The reporter's scores over time, oldest first: only the same reporter's own reports (a region's history also holds
 * its units' inputs, scored on their own), across periods, cycles and framework versions.
 */
export function trendOf(score: Pick<ScoreView, 'regionCode' | 'organisationId'>, history: readonly ScoreView[]): ScoreView[] {
  return history
    .filter((other) => other.regionCode === score.regionCode && other.organisationId === score.organisationId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The history query of a score's reporter: its regency/city, or its organisation when it has no regency/city. */
export function historySubject(score: Pick<ScoreView, 'regionCode' | 'organisationId'>): { regionCode: string } | { organisationId: string } | null {
  if (score.regionCode) return { regionCode: score.regionCode };
  return score.organisationId ? { organisationId: score.organisationId } : null;
}

/** "KKP_HAM_PERMENKUMHAM_22_2021@2" → "2": the version number people refer to. */
export function versionNumber(stamp: string): string {
  const at = stamp.lastIndexOf('@');
  return at >= 0 ? stamp.slice(at + 1) : stamp;
}

/** The filters of the list, as GET /scores/reporters takes them. */
export interface ScoreFilters {
  periodKey: string | null;
  provinceCode: string | null;
  band: string | null;
}

export const NO_FILTERS: ScoreFilters = { periodKey: null, provinceCode: null, band: null };
export const PAGE_SIZE = 50;

export function listQuery(cycleId: string, filters: ScoreFilters, page: number) {
  return {
    cycleId,
    page,
    pageSize: PAGE_SIZE,
    ...(filters.periodKey ? { periodKey: filters.periodKey } : {}),
    ...(filters.provinceCode ? { provinceCode: filters.provinceCode } : {}),
    ...(filters.band ? { band: filters.band } : {}),
  };
}

/** The bands a programme's scores fall in, for the band filter. */
export function bandsOf(programme: Programme): readonly string[] {
  return programme === 'RANHAM' ? ['MEMENUHI_TARGET', 'BELUM_MEMENUHI_TARGET'] : ['PEDULI', 'CUKUP_PEDULI', 'MULAI_PEDULI', 'KURANG_PEDULI'];
}

/** The provinces a person's grants reach; null when one of them is national (no province), so every province is offered. */
export function provincesInScope(roles: readonly { role: RoleName; scope: { provinceCode: string | null; regionCode: string | null } }[]): Set<string> | null {
  const provinces = new Set<string>();
  for (const grant of roles) {
    if (!OVERSIGHT_ROLES.has(grant.role)) continue;
    const province = grant.scope.provinceCode ?? grant.scope.regionCode?.slice(0, 2) ?? null;
    if (!province) return null;
    provinces.add(province);
  }
  return provinces;
}

/** An answer as a person reads it: Ya/Tidak, a number in the page's language, the text, or "Tidak ada". */
export function answerText(value: AnswerValue | undefined, words: { yes: string; no: string; none: string }, language: 'id' | 'en'): string {
  if (value === undefined || value === null || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
  return value;
}

/**
 * The criterion (or action) the breakdown opens on: the first one where a verifier changed or rejected an answer, as
 * that is what a reader comes to check; else the first one. A 120-indicator framework is too long to read, or to
 * render on a phone, all at once.
 */
export function defaultGroup(rows: readonly BreakdownRow[]): string | null {
  const touched = rows.find((row) => row.why.kind === 'REJECTED' || (row.verified !== undefined && row.verified !== row.claimed));
  return touched?.group ?? rows[0]?.group ?? null;
}

/** The groups of the breakdown in their order, each once. */
export const groupsOf = (rows: readonly BreakdownRow[]): string[] => [...new Set(rows.map((row) => row.group))];
