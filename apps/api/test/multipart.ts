import { request } from 'node:http';

export interface RawResponse {
  status: number;
  body: Record<string, unknown> & { problems?: { field: string; problem: string }[] };
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  /** Sent as RFC 5987 filename*=UTF-8''<percent-encoded>, which can carry any character. */
  encodedFilename?: string;
  contentType?: string;
}

/** RFC 8187 value-chars: encodeURIComponent leaves ' ( ) * as they are, which are not attr-chars and end the value. */
function extValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds a multipart body byte by byte, so tests can send names and bodies that a well-behaved client never would. */
export function multipartBody(parts: Part[], boundary = 'peduli-test-boundary'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    if (part.encodedFilename !== undefined) head += `; filename*=UTF-8''${extValue(part.encodedFilename)}`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Sends raw bytes; `cutAfter` stops sending early and ends the connection, like a client that died mid-upload. */
export function sendRaw(
  url: string,
  body: Buffer,
  options: { contentType?: string; cutAfter?: number; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': options.contentType ?? 'multipart/form-data; boundary=peduli-test-boundary',
          'content-length': String(body.length),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    if (options.cutAfter !== undefined) {
      // Declare the full length but send only part of it, then half-close: the server sees a truncated body.
      req.write(body.subarray(0, options.cutAfter));
      req.socket?.end();
      req.on('socket', (socket) => socket.end());
      setTimeout(() => req.socket?.end(), 50);
    } else {
      req.end(body);
    }
  });
}
