import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { constants } from 'node:zlib';

/**
 * Compressed answers (brotli, else gzip, as the client's Accept-Encoding allows) for what is
 * worth it: JSON, CSV, HTML, the web app's scripts and styles. A national completeness list is megabytes of JSON.
 *
 * - Under 1 KB the saving does not pay for the header and the CPU.
 * - Formats already compressed are sent as they are: PDFs, images (SVG aside, it is text), XLSX and other zips, and
 *   any document download whose sniffed type is binary. `compressible` (the package's own filter) knows most of them;
 *   the list below makes the ones that matter explicit rather than trusting its database.
 * - Streams stay streams: every write is flushed through zlib at once (Z_SYNC_FLUSH, brotli's FLUSH), so a streamed
 *   answer reaches the client write by write instead of waiting for zlib's buffer to fill. One write (a JSON answer)
 *   costs one flush, nothing. A writer that waits for 'drain' should not rely on this middleware: it hands 'drain'
 *   listeners to its zlib stream, where removing them from the response does not reach them. CSV exports therefore
 *   gzip themselves (exports/table-writer.ts) and mark their answers no-transform.
 * - Long-lived event streams, if any ever appear, must not be buffered by a compressor: text/event-stream is excluded.
 * - A response marked Cache-Control: no-transform is left alone (the package's rule).
 */

const THRESHOLD_BYTES = 1024;

/** Content types never compressed here: already compressed, or long-lived. */
const ALREADY_COMPRESSED = [
  /^application\/pdf\b/i,
  /^application\/(?:zip|gzip|x-gzip|x-7z-compressed|x-rar-compressed|octet-stream)\b/i,
  // XLSX, DOCX, PPTX (zips) and the legacy Office formats.
  /^application\/vnd\.openxmlformats-officedocument\./i,
  /^application\/vnd\.ms-/i,
  /^image\/(?!svg\+xml)/i,
  /^(?:audio|video)\//i,
  /^font\/woff2?\b/i,
  /^text\/event-stream\b/i,
];

function shouldCompress(request: Request, response: Response): boolean {
  const type = String(response.getHeader('Content-Type') ?? '');
  if (ALREADY_COMPRESSED.some((pattern) => pattern.test(type))) return false;
  return compression.filter(request, response);
}

export function compressResponses(): RequestHandler {
  return compression({
    threshold: THRESHOLD_BYTES,
    filter: shouldCompress,
    flush: constants.Z_SYNC_FLUSH,
    // Quality 1, not the package's 4: on a national completeness list (11.7 MB of JSON) quality 4 took about 1.1 s
    // of CPU for 1,204 KB, quality 1 about 0.2 s for 1,275 KB, gzip's default 0.35–0.6 s for 1,288 KB.
    brotli: { flush: constants.BROTLI_OPERATION_FLUSH, params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
  });
}
