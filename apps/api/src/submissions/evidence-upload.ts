import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import { BlobStorage, FileTooLargeError, StoredBlob } from '@peduli/storage';
import { isAcceptableFileName } from '@peduli/domain';
import { ApiError } from '../common/api-error';
import { unusableTextMessage } from '../common/text-checks';

export interface UploadedEvidence {
  blob: StoredBlob;
  originalName: string;
  declaredMime: string | null;
  fields: Record<string, string>;
}

/**
 * What busboy puts in place of bytes that are not UTF-8. Such a name was written by a client in some legacy encoding
 * that cannot be told apart from garbage, so it is refused rather than stored with characters lost.
 */
const NOT_UTF8 = '\uFFFD';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(0)} MB` : `${bytes} bytes`;
}

/**
 * Streams one multipart file straight into blob storage (never whole in memory), hashing and enforcing the size
 * limit on the way. Whatever goes wrong, nothing stays in storage: the caller gets either a stored blob or an error.
 */
export function receiveEvidence(request: Request, storage: BlobStorage, limitBytes: number): Promise<UploadedEvidence> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Keep the name exactly as sent: a name with path parts is refused below rather than silently shortened.
        preservePath: true,
        // Browsers send the name as raw UTF-8 inside filename="…" (WHATWG HTML), not latin1 as busboy assumes by default:
        // read as latin1, an en dash or an accented letter turns into C1 control characters and the name is refused.
        // A filename*=UTF-8''… parameter (RFC 5987, curl and most HTTP libraries) is preferred by busboy when present.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 4096, fileSize: limitBytes + 1, parts: 25 },
      });
    } catch {
      reject(ApiError.badRequest('upload.noFile'));
      return;
    }
    const fields: Record<string, string> = {};
    let storing: Promise<UploadedEvidence | null> | null = null;
    let failure: ApiError | null = null;
    const fail = (error: ApiError) => (failure ??= error);

    parser.on('field', (name, value) => {
      const unusable = unusableTextMessage(name, value);
      if (unusable) fail(ApiError.badRequest(unusable.key, unusable.params));
      fields[name] = value;
    });
    parser.on('filesLimit', () => fail(ApiError.badRequest('upload.tooManyFiles')));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || storing) {
        stream.resume();
        if (storing) fail(ApiError.badRequest('upload.tooManyFiles'));
        return;
      }
      // HTML's multipart encoding writes a double quote in a file name as %22 (browsers do, and curl since 7.81).
      const fileName = (info.filename ?? '').replaceAll('%22', '"');
      if (!isAcceptableFileName(fileName) || fileName.includes(NOT_UTF8)) {
        stream.resume();
        fail(ApiError.badRequest('upload.badFileName'));
        return;
      }
      // Storage gets its own stream, for two reasons. Busboy reports a cut-off form as an 'error' on the file stream,
      // possibly before storage has attached listeners (it prepares the disk first): caught here, it reaches storage
      // as a failed stream instead of ending the process. And when storage gives up (too large) it destroys its
      // input; destroying busboy's stream would stall the parser, whereas this one is simply unpiped and the rest of
      // the upload drained, so the request is still answered.
      const toStorage = new PassThrough();
      // Storage may not be listening yet; it finds the error on the destroyed stream when it starts.
      toStorage.on('error', () => undefined);
      stream.on('error', (error) => toStorage.destroy(error));
      stream.pipe(toStorage);
      storing = storage.put(toStorage, limitBytes).then(
        (blob) => ({ blob, originalName: fileName, declaredMime: info.mimeType || null, fields }),
        (error: unknown) => {
          stream.unpipe(toStorage);
          stream.resume();
          if (error instanceof FileTooLargeError) fail(ApiError.badRequest('upload.tooLarge', { limit: formatBytes(limitBytes) }));
          else fail(ApiError.badRequest('upload.truncated'));
          return null;
        },
      );
    });

    const finish = async (parseError?: unknown) => {
      const stored = storing ? await storing : null;
      if (parseError) fail(ApiError.badRequest('upload.truncated'));
      if (!stored && !failure) fail(ApiError.badRequest('upload.noFile'));
      if (failure) {
        if (stored) await storage.remove(stored.blob.key);
        reject(failure);
        return;
      }
      resolve(stored!);
    };
    let settled = false;
    const settleOnce = (error?: unknown) => {
      if (settled) return;
      settled = true;
      void finish(error);
    };
    parser.on('close', () => settleOnce());
    parser.on('error', (error) => settleOnce(error ?? new Error('multipart error')));
    request.on('aborted', () => settleOnce(new Error('client aborted')));
    request.pipe(parser);
  });
}
