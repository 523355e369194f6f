import { isApiErrorBody } from '@peduli/api-client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api } from '../../auth/session';
import { afterConflict, answerProblemsFromApi, answersToSend, initialSaveState, nextSaveDelay, saveReducer, type Answers, type LatestSubmission } from './autosave';
import type { AnswerValue } from './tasks';
import { EDITABLE_STATUSES } from '../../lib/submission-status';

/** The statuses whose answers can still be changed (the API's rule). */

type SubmissionView = NonNullable<Awaited<ReturnType<typeof readSubmission>>>;

async function readSubmission(id: string) {
  const { data } = await api.GET('/api/v1/submissions/{id}', { params: { path: { id } } });
  return data;
}

const latestOf = (view: SubmissionView): LatestSubmission => ({
  answers: view.answers as Answers,
  version: view.version,
  editable: EDITABLE_STATUSES.includes(view.status),
});

/**
 * Runs the autosave machine against the API. Each PATCH carries the version this page last saw, and the API refuses
 * it with 409 (writing nothing) when the report changed meanwhile. The check and the write are one statement there,
 * so reading the submission first to compare answers, as this page once did, would only add a round trip and still
 * leave a gap for a change to slip in between.
 */
export function useAutosave(submission: { id: string; answers: Answers; version: number }, onSaved: (saved: SubmissionView) => void) {
  const submissionId = submission.id;
  const [state, dispatch] = useReducer(saveReducer, submission, initialSaveState);
  const stateRef = useRef(state);
  stateRef.current = state;

  const save = useCallback(async () => {
    const current = stateRef.current;
    dispatch({ type: 'SAVE_STARTED' });
    const sent = { ...current.local };
    try {
      const { data, error, response } = await api.PATCH('/api/v1/submissions/{id}', {
        params: { path: { id: submissionId } },
        body: { answers: answersToSend(sent) as Record<string, never>, version: current.version },
      });
      if (data) {
        dispatch({ type: 'SAVED', sent, server: data.answers as Answers, version: data.version });
        onSaved(data);
      } else if (response.status === 409 && isApiErrorBody(error)) {
        // The 409 says the report moved on, not to what: one read tells a lost answer to our own write, a report
        // submitted meanwhile, and someone else's change apart.
        const latest = await readSubmission(submissionId).catch(() => undefined);
        const event = afterConflict(current, sent, latest ? latestOf(latest) : null, error.message);
        dispatch(event);
        if (event.type === 'SAVED' && latest) onSaved(latest);
      } else if (response.status === 400 && isApiErrorBody(error)) dispatch({ type: 'REFUSED', problems: answerProblemsFromApi(error) });
      else dispatch({ type: 'NETWORK_FAILED' });
    } catch {
      dispatch({ type: 'NETWORK_FAILED' });
    }
  }, [submissionId, onSaved]);

  const delay = nextSaveDelay(state);
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => void save(), delay);
    return () => clearTimeout(timer);
  }, [delay, state.local, state.attempts, save]);

  // Back online: retry at once instead of waiting out the back-off.
  useEffect(() => {
    const retry = () => {
      if (stateRef.current.phase === 'offline') void save();
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [save]);

  const edit = useCallback((key: string, value: AnswerValue) => dispatch({ type: 'EDIT', key, value }), []);

  /**
   * The person's choice in a conflict, made on the latest version read now: their answers saved over it, or its
   * answers taken. Resolves with the latest submission (for a page that shows its status), or null when it could not
   * be read, which leaves the conflict (and what was typed) as it was.
   */
  const resolveConflict = useCallback(
    async (keepLocal: boolean): Promise<SubmissionView | null> => {
      const latest = await readSubmission(submissionId).catch(() => undefined);
      if (!latest) return null;
      const { answers, version, editable } = latestOf(latest);
      if (keepLocal && !editable) dispatch({ type: 'CONFLICT', message: stateRef.current.conflictMessage ?? '', locked: true });
      else dispatch({ type: 'RELOAD', server: answers, version, keepLocal });
      return latest;
    },
    [submissionId],
  );
  return { state, edit, saveNow: save, resolveConflict };
}
