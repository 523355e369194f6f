import type { AnswerValue } from './tasks';

/**
 * Autosave as a pure state machine, so what a lost connection or a concurrent change does to typed answers is
 * tested without a browser. The hook (use-autosave.ts) runs the timers and requests this machine asks for.
 *
 * - `local` is always what the person typed; nothing here ever drops it.
 * - `saved` and `version` are what the server last confirmed. Each save sends that `version`; the API refuses it with
 *   409 when someone changed (or submitted) the report meanwhile, and the machine stops in `conflict` keeping `local`
 *   until the person chooses to keep their answers (saved over the latest version) or take the latest ones.
 * - a dropped connection moves to `offline` ("belum tersimpan") and retries with a growing delay. A save whose answer
 *   was lost may still have been written: its answers stay in `unconfirmed`, so the 409 its retry gets is recognised
 *   as this page's own write rather than someone else's.
 */
export type Answers = Record<string, AnswerValue>;

export type SavePhase = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'refused';

export interface SaveState {
  phase: SavePhase;
  local: Answers;
  saved: Answers;
  /** The submission's version `saved` belongs to: the one the next save says it edits. */
  version: number;
  /** The answers of the request under way, so a confirmation of older answers does not mark newer ones saved. */
  inFlight: Answers | null;
  /** Consecutive failed attempts while offline; sets the retry delay. */
  attempts: number;
  /** Answers of saves whose answer never arrived since the last confirmation: any of them may be on the server. */
  unconfirmed: Answers[];
  /** The API's refusal, by answer key (or '' for the whole report). */
  problems: Record<string, string>;
  /** The API's words when the report changed elsewhere or can no longer be edited. */
  conflictMessage: string | null;
  /** The conflict is that the report can no longer be edited (submitted meanwhile): keeping these answers is not possible. */
  locked: boolean;
}

/** The submission as a fresh read shows it, when a save was refused with 409. */
export interface LatestSubmission {
  answers: Answers;
  version: number;
  editable: boolean;
}

export type SaveEvent =
  | { type: 'EDIT'; key: string; value: AnswerValue }
  | { type: 'SAVE_STARTED' }
  | { type: 'SAVED'; sent: Answers; server: Answers; version: number }
  | { type: 'NETWORK_FAILED' }
  | { type: 'REFUSED'; problems: Record<string, string> }
  | { type: 'CONFLICT'; message: string; locked: boolean }
  | { type: 'RELOAD'; server: Answers; version: number; keepLocal: boolean };

export const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

export function initialSaveState({ answers, version }: { answers: Answers; version: number }): SaveState {
  return {
    phase: 'saved',
    local: { ...answers },
    saved: { ...answers },
    version,
    inFlight: null,
    attempts: 0,
    unconfirmed: [],
    problems: {},
    conflictMessage: null,
    locked: false,
  };
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? null) === (b[key] ?? null));
}

/** The answers typed here since `base` (a cleared answer as null), by key. */
export function typedSince(local: Answers, base: Answers): Answers {
  return Object.fromEntries(Object.entries(local).filter(([key, value]) => (value ?? null) !== (base[key] ?? null)));
}

/** The answers a request sends: blanks are left out rather than sent as null. */
export function answersToSend(local: Answers): Answers {
  return Object.fromEntries(Object.entries(local).filter(([, value]) => value !== null && value !== ''));
}

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'EDIT': {
      const local = { ...state.local, [event.key]: event.value };
      const { [event.key]: _fixed, ...problems } = state.problems;
      // In conflict or offline the edit is kept and waits; otherwise it waits for the debounce.
      const phase = state.phase === 'conflict' || state.phase === 'offline' || state.phase === 'saving' ? state.phase : sameAnswers(local, state.saved) ? 'saved' : 'pending';
      return { ...state, local, problems, phase };
    }
    case 'SAVE_STARTED':
      return { ...state, phase: 'saving', inFlight: { ...state.local } };
    case 'SAVED': {
      const upToDate = sameAnswers(state.local, event.sent);
      return {
        ...state,
        saved: { ...event.server },
        version: event.version,
        inFlight: null,
        attempts: 0,
        unconfirmed: [],
        phase: upToDate ? 'saved' : 'pending',
        problems: upToDate ? {} : state.problems,
      };
    }
    case 'NETWORK_FAILED':
      return {
        ...state,
        phase: 'offline',
        inFlight: null,
        attempts: state.attempts + 1,
        unconfirmed: state.inFlight ? [...state.unconfirmed, state.inFlight] : state.unconfirmed,
      };
    case 'REFUSED':
      return { ...state, phase: 'refused', inFlight: null, attempts: 0, problems: event.problems };
    case 'CONFLICT':
      return { ...state, phase: 'conflict', inFlight: null, attempts: 0, conflictMessage: event.message, locked: event.locked };
    case 'RELOAD': {
      // Only the person ends a conflict. Keeping their answers makes the latest version the baseline, so the next
      // save writes what they typed over it; taking the latest drops what they typed, as they chose.
      if (!event.keepLocal) return initialSaveState({ answers: event.server, version: event.version });
      // What the person typed wins; what the other change touched and they did not stays as it now is.
      const local = { ...event.server, ...typedSince(state.local, state.saved) };
      return {
        ...state,
        local,
        saved: { ...event.server },
        version: event.version,
        unconfirmed: [],
        phase: sameAnswers(local, event.server) ? 'saved' : 'pending',
        conflictMessage: null,
        locked: false,
      };
    }
  }
}

/**
 * What a save refused with 409 means, given the submission read right after: the report can no longer be edited; the
 * server already holds what this page sent (its own earlier write whose answer was lost, or the same answers typed
 * elsewhere), so the version simply moves on; or someone else's change, which the person has to decide about.
 */
export function afterConflict(state: SaveState, sent: Answers, latest: LatestSubmission | null, message: string): SaveEvent {
  if (!latest) return { type: 'CONFLICT', message, locked: false };
  if (!latest.editable) return { type: 'CONFLICT', message, locked: true };
  const own = [sent, ...state.unconfirmed].find((answers) => sameAnswers(answersToSend(answers), latest.answers));
  if (own) return { type: 'SAVED', sent: own, server: latest.answers, version: latest.version };
  return { type: 'CONFLICT', message, locked: false };
}

/** When the machine wants a save: after the debounce for a fresh edit, after a growing delay when offline. */
export function nextSaveDelay(state: SaveState): number | null {
  if (state.phase === 'pending') return DEBOUNCE_MS;
  if (state.phase === 'offline') return Math.min(1000 * 2 ** (state.attempts - 1), MAX_RETRY_MS);
  return null;
}

/** Whether leaving the page (or submitting) would lose or skip typed answers. */
export const hasUnsaved = (state: SaveState): boolean => !sameAnswers(state.local, state.saved);

/** A 400's problems by answer key: the API names them `answers.<code>`; anything else belongs to the whole report (''). */
export function answerProblemsFromApi(body: { message: string; problems?: { field: string; problem: string }[] }): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const problem of body.problems ?? []) {
    const key = problem.field.startsWith('answers.') ? problem.field.slice('answers.'.length) : '';
    byKey[key] = byKey[key] ? `${byKey[key]} ${problem.problem}` : problem.problem;
  }
  if (Object.keys(byKey).length === 0) byKey[''] = body.message;
  return byKey;
}
