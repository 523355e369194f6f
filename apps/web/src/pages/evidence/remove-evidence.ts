import { isApiErrorBody } from '@peduli/api-client';
import { accessTokenNow, refreshSession } from '../../auth/session';
import { languageNow } from '../../i18n/language';

/**
 * DELETE /submissions/{id}/evidence/{documentId}: the API's newest route, sent by hand until the generated client
 * carries it (then api.DELETE). Resolves to the API's refusal in the viewer's language, or null when removed.
 */
export async function removeEvidence(submissionId: string, documentId: string, networkMessage: string): Promise<string | null> {
  const send = () =>
    fetch(`/api/v1/submissions/${encodeURIComponent(submissionId)}/evidence/${encodeURIComponent(documentId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessTokenNow() ?? ''}`, 'accept-language': languageNow() },
    });
  try {
    let response = await send();
    if (response.status === 401 && (await refreshSession())) response = await send();
    if (response.status === 204) return null;
    const body: unknown = await response.json().catch(() => null);
    return isApiErrorBody(body) ? body.message : networkMessage;
  } catch {
    return networkMessage;
  }
}
