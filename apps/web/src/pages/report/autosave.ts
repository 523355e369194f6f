import type { AnswerValue } from './tasks';

/**
 * Autosave as a pure state machine, so what a lost connection or a concurrent change does to typed answers is
 * tested without a browser. The hook (use-autosave.ts) runs the timers and requests this machine asks for.
 *
 * - `local` is always what the person typed; nothing here ever drops it.
 * - `saved` is what the server last confirmed, the baseline a save expects to find: when the server holds something
 *   else (someone changed or submitted the report meanwhile) the machine stops in `conflict` and keeps `local`.
 * - a dropped connection moves to `offline` ("belum tersimpan") and retries with a growing delay.
 */
export type Answers = Record<string, AnswerValue>;

export type SavePhase = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'refused';

export interface SaveState {
  phase: SavePhase;
  local: Answers;
  saved: Answers;
  /** The answers of the request under way, so a confirmation of older answers does not mark newer ones saved. */
  inFlight: Answers | null;
  /** Consecutive failed attempts while offline; sets the retry delay. */
  attempts: number;
  /** The API's refusal, by answer key (or '' for the whole report). */
  problems: Record<string, string>;
  /** The API's words when the report changed elsewhere or can no longer be edited. */
  conflictMessage: string | null;
}

export type SaveEvent =
  | { type: 'EDIT'; key: string; value: AnswerValue }
  | { type: 'SAVE_STARTED' }
  | { type: 'SAVED'; sent: Answers; server: Answers }
  | { type: 'NETWORK_FAILED' }
  | { type: 'REFUSED'; problems: Record<string, string> }
  | { type: 'CONFLICT'; message: string; server: Answers | null }
  | { type: 'RELOAD'; server: Answers; keepLocal: boolean };

export const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

export function initialSaveState(server: Answers): SaveState {
  return { phase: 'saved', local: { ...server }, saved: { ...server }, inFlight: null, attempts: 0, problems: {}, conflictMessage: null };
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? null) === (b[key] ?? null));
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
      return { ...state, saved: { ...event.server }, inFlight: null, attempts: 0, phase: upToDate ? 'saved' : 'pending', problems: upToDate ? {} : state.problems };
    }
    case 'NETWORK_FAILED':
      return { ...state, phase: 'offline', inFlight: null, attempts: state.attempts + 1 };
    case 'REFUSED':
      return { ...state, phase: 'refused', inFlight: null, attempts: 0, problems: event.problems };
    case 'CONFLICT':
      return { ...state, phase: 'conflict', inFlight: null, conflictMessage: event.message, saved: event.server ?? state.saved };
    case 'RELOAD':
      // The person chose: keep what they typed (saved over the new version) or take the server's answers.
      return event.keepLocal
        ? { ...state, saved: { ...event.server }, phase: sameAnswers(state.local, event.server) ? 'saved' : 'pending', conflictMessage: null }
        : initialSaveState(event.server);
  }
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
