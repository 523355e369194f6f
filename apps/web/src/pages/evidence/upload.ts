import { isApiErrorBody, type ApiErrorBody } from '@peduli/api-client';
import { accessTokenNow, refreshSession } from '../../auth/session';
import { languageNow } from '../../i18n/language';
import type { DocumentView } from './verdict';

export interface EvidenceFields {
  documentType: DocumentView['documentType'];
  title: string;
  indicatorCodes: readonly string[];
}

export type UploadOutcome = { ok: true; document: DocumentView } | { ok: false; status: number; error: ApiErrorBody | null };

/**
 * One file to POST /submissions/{id}/evidence as multipart. XMLHttpRequest rather than fetch, because only it reports
 * upload progress. The fields go before the file: the API streams the file to storage and reads the fields first.
 */
function send(submissionId: string, file: File, fields: EvidenceFields, onProgress: (loaded: number) => void): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('documentType', fields.documentType);
  if (fields.title.trim()) form.append('title', fields.title.trim());
  if (fields.indicatorCodes.length > 0) form.append('indicatorCodes', fields.indicatorCodes.join(','));
  form.append('file', file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/submissions/${encodeURIComponent(submissionId)}/evidence`);
    const token = accessTokenNow();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('accept-language', languageNow());
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status === 201) resolve({ ok: true, document: body as DocumentView });
      else resolve({ ok: false, status: request.status, error: isApiErrorBody(body) ? body : null });
    };
    request.onerror = () => resolve({ ok: false, status: 0, error: null });
    request.send(form);
  });
}

/** Sends one file; an expired access token is refreshed once (as every other call does) and the file sent again. */
export async function uploadEvidence(submissionId: string, file: File, fields: EvidenceFields, onProgress: (loaded: number) => void): Promise<UploadOutcome> {
  const outcome = await send(submissionId, file, fields, onProgress);
  if (outcome.ok || outcome.status !== 401 || !(await refreshSession())) return outcome;
  return send(submissionId, file, fields, onProgress);
}
