import { useCallback, useEffect, useReducer, useRef } from 'react';
import { fileKey, nextUpload, uploadQueue, type UploadItem } from './upload-queue';
import { uploadEvidence, type EvidenceFields, type UploadOutcome } from './upload';

/**
 * Runs the upload queue: files added with the form's fields as they were at that moment, sent one at a time,
 * each outcome handed to the page (a refreshed report, or a refusal to show).
 */
export function useUploadQueue(submissionId: string, onOutcome: (item: UploadItem, outcome: UploadOutcome) => string | undefined) {
  const [items, dispatch] = useReducer(uploadQueue, []);
  const pending = useRef(new Map<string, { file: File; fields: EvidenceFields }>());
  const batch = useRef(0);
  const outcomeHandler = useRef(onOutcome);
  outcomeHandler.current = onOutcome;

  const add = useCallback((files: readonly File[], fields: EvidenceFields) => {
    batch.current += 1;
    const added = files.map((file) => {
      const key = fileKey(file, batch.current);
      pending.current.set(key, { file, fields });
      return { key, fileName: file.name, sizeBytes: file.size };
    });
    dispatch({ type: 'added', files: added });
  }, []);

  const next = nextUpload(items);
  useEffect(() => {
    if (!next) return;
    const job = pending.current.get(next.key);
    if (!job) return;
    pending.current.delete(next.key);
    dispatch({ type: 'started', key: next.key });
    void uploadEvidence(submissionId, job.file, job.fields, (loaded) => dispatch({ type: 'progress', key: next.key, loaded })).then((outcome) => {
      const error = outcomeHandler.current(next, outcome);
      dispatch(error === undefined ? { type: 'finished', key: next.key } : { type: 'failed', key: next.key, error });
    });
  }, [next, submissionId]);

  return { items, add };
}
