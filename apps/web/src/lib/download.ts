import { describeApiError } from '@peduli/api-client';

/** The file name the API gave (Content-Disposition), or a sensible one. */
export function downloadName(contentDisposition: string | null, fallback: string): string {
  const match = contentDisposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Saves an export fetched with the session's token (`parseAs: 'blob'`): the token lives in memory only, so a plain
 * link could not carry it. The Blob is handed to the browser through a short-lived object URL. Returns the file's
 * name; a refusal throws with the API's words.
 */
export function saveDownload(answer: { data?: unknown; error?: unknown; response: Response }, fallbackName: string): string {
  const { data, error, response } = answer;
  if (!response.ok || !data) throw Object.assign(new Error(describeApiError(error).join(' ') || `HTTP ${response.status}`), { body: error });
  const name = downloadName(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Released a while after the click, since some browsers read the blob only once the download has begun.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
