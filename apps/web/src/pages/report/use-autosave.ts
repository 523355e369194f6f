import { isApiErrorBody } from '@peduli/api-client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api } from '../../auth/session';
import { answerProblemsFromApi, answersToSend, initialSaveState, nextSaveDelay, sameAnswers, saveReducer, type Answers } from './autosave';
import type { AnswerValue } from './tasks';

/**
 * Runs the autosave machine against the API. Before each save it reads the submission: when its answers are no longer
 * the ones this page last saw, someone changed the report meanwhile, and the machine stops in `conflict` rather than
 * overwriting their work; what was typed here stays on screen.
 */
export function useAutosave(submissionId: string, serverAnswers: Answers, onSaved: () => void) {
  const [state, dispatch] = useReducer(saveReducer, serverAnswers, initialSaveState);
  const stateRef = useRef(state);
  stateRef.current = state;

  const save = useCallback(async () => {
    const current = stateRef.current;
    dispatch({ type: 'SAVE_STARTED' });
    const sent = { ...current.local };
    try {
      const before = await api.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } });
      if (!before.data) throw new Error('unreachable');
      if (!sameAnswers(before.data.answers as Answers, answersToSend(current.saved))) {
        dispatch({ type: 'CONFLICT', message: '', server: before.data.answers as Answers });
        return;
      }
      const { data, error, response } = await api.PATCH('/api/v1/submissions/{id}', {
        params: { path: { id: submissionId } },
        body: { answers: answersToSend(sent) as Record<string, never> },
      });
      if (data) {
        dispatch({ type: 'SAVED', sent, server: data.answers as Answers });
        onSaved();
      } else if (response.status === 409 && isApiErrorBody(error)) dispatch({ type: 'CONFLICT', message: error.message, server: null });
      else if (response.status === 400 && isApiErrorBody(error)) dispatch({ type: 'REFUSED', problems: answerProblemsFromApi(error) });
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
  const resolveConflict = useCallback(async (keepLocal: boolean) => {
    const { data } = await api.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } });
    if (data) dispatch({ type: 'RELOAD', server: data.answers as Answers, keepLocal });
  }, [submissionId]);
  return { state, edit, saveNow: save, resolveConflict };
}
