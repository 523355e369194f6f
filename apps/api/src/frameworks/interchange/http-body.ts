import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../../common/api-error';
import type { FileFormat } from './document';

/** Far above any real framework file (the sample KKP workbook is about 17 KB), small enough to parse in memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const LIMIT_TEXT = '5 MB';

const FORMAT_BY_MEDIA_TYPE: Readonly<Record<string, FileFormat>> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'text/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/x-yaml': 'yaml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const EXPECTED = 'application/json, application/yaml, text/yaml, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function unsupported(): ApiError {
  return new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'framework.fileType', { expected: EXPECTED });
}

/** The file format a request declares by its Content-Type; text must be UTF-8 and nothing may be compressed. */
export function formatOfRequest(request: Request): FileFormat {
  const [mediaType, ...parameters] = String(request.headers['content-type'] ?? '').split(';');
  const key = mediaType.trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(FORMAT_BY_MEDIA_TYPE, key)) throw unsupported();
  const format = FORMAT_BY_MEDIA_TYPE[key];
  const charset = parameters.map((parameter) => parameter.trim().toLowerCase()).find((parameter) => parameter.startsWith('charset='));
  if (charset && !['charset=utf-8', 'charset="utf-8"', 'charset=utf8'].includes(charset)) throw unsupported();
  const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') throw unsupported();
  return format;
}

function tooLarge(): ApiError {
  return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'framework.fileTooLarge', { limit: LIMIT_TEXT });
}

/**
 * The raw request body, at most `limit` bytes: a larger declared length is refused before reading, and a body that
 * grows past the limit is refused as soon as it does (the rest is discarded, not kept).
 */
export function readBody(request: Request, limit = MAX_FILE_BYTES): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  if (request.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanUp();
      reject(ApiError.badRequest('upload.truncated'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onError);
  });
}
