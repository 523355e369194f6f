import { Socket, connect } from 'node:net';
import type { Readable } from 'node:stream';

export interface ClamdOptions {
  /** tcp://host:port */
  url: string;
  /** Longest a whole scan (connect, send, verdict) may take. */
  timeoutMs: number;
  /** Size of the INSTREAM chunks; clamd's StreamMaxLength bounds the total, not the chunk. */
  chunkBytes?: number;
}

export type ScanResult = { clean: true } | { clean: false; signature: string };

/**
 * clamd could not be asked: refused or reset connection, timeout, no or garbled reply. Likely to pass (clamd restarts,
 * reloads signatures), so the job is retried.
 */
export class ClamdUnavailableError extends Error {
  override name = 'ClamdUnavailableError';
}

/** clamd answered with an error about this stream (e.g. "INSTREAM size limit exceeded"): retrying will not help. */
export class ClamdScanError extends Error {
  override name = 'ClamdScanError';
}

const DEFAULT_CHUNK_BYTES = 64 * 1024;
const MAX_REPLY_BYTES = 4096;

/**
 * A client for clamd's INSTREAM command over TCP: "zINSTREAM\0", then chunks each prefixed with their length as a
 * 4-byte big-endian integer, then a zero length; clamd answers "stream: OK\0", "stream: <signature> FOUND\0" or
 * "<message> ERROR\0". The file is streamed from storage with backpressure, never held whole.
 */
export class ClamdClient {
  private readonly host: string;
  private readonly port: number;

  constructor(private readonly options: ClamdOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'tcp:' || !url.hostname || !url.port) throw new Error(`clamd URL must be tcp://host:port, not ${options.url}`);
    this.host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    this.port = Number(url.port);
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  async scan(input: Readable): Promise<ScanResult> {
    try {
      const reply = await this.exchange(async (socket) => {
        await write(socket, Buffer.from('zINSTREAM\0', 'latin1'));
        const chunkBytes = this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
        for await (const data of input as AsyncIterable<Buffer>) {
          for (let offset = 0; offset < data.length; offset += chunkBytes) {
            const piece = data.subarray(offset, offset + chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(piece.length);
            await write(socket, Buffer.concat([length, piece]));
          }
        }
        await write(socket, Buffer.alloc(4));
      });
      if (reply === 'stream: OK') return { clean: true };
      const found = /^stream: (.+) FOUND$/.exec(reply);
      if (found) return { clean: false, signature: found[1] };
      if (reply.endsWith('ERROR')) throw new ClamdScanError(`clamd refused the stream: ${reply}`);
      throw new ClamdUnavailableError(`unexpected reply from clamd: ${JSON.stringify(reply.slice(0, 200))}`);
    } finally {
      input.destroy();
    }
  }

  /** Readiness: clamd answers PING with PONG. */
  async ping(): Promise<void> {
    const reply = await this.exchange((socket) => write(socket, Buffer.from('zPING\0', 'latin1')));
    if (reply !== 'PONG') throw new ClamdUnavailableError(`clamd answered PING with ${JSON.stringify(reply.slice(0, 200))}`);
  }

  /**
   * Connects, runs `send`, and resolves with clamd's NUL-terminated reply. A reply counts even when sending failed
   * (clamd stops reading and answers as soon as a stream is over its size limit). Everything else is a
   * ClamdUnavailableError: refused, reset, closed without a reply, or the deadline passed.
   */
  private exchange(send: (socket: Socket) => Promise<void>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      const received: Buffer[] = [];
      let receivedBytes = 0;
      let settled = false;
      let sendError: unknown;

      const finish = (error: Error | null, reply?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply!);
      };
      const timer = setTimeout(
        () => finish(new ClamdUnavailableError(`clamd at ${this.address} did not answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      const replyIfComplete = (): string | undefined => {
        const all = Buffer.concat(received);
        const end = all.indexOf(0);
        return end >= 0 ? all.subarray(0, end).toString('utf8').trim() : undefined;
      };

      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        receivedBytes += chunk.length;
        const reply = replyIfComplete();
        if (reply !== undefined) finish(null, reply);
        else if (receivedBytes > MAX_REPLY_BYTES) finish(new ClamdUnavailableError('clamd reply too long'));
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        const reply = replyIfComplete();
        if (reply !== undefined) return finish(null, reply);
        finish(new ClamdUnavailableError(`clamd at ${this.address}: ${error.code ?? error.message}`));
      });
      socket.on('close', () => {
        const reply = replyIfComplete() ?? (received.length > 0 ? Buffer.concat(received).toString('utf8').trim() : undefined);
        if (reply) return finish(null, reply);
        if (sendError !== undefined && !(sendError instanceof SocketWriteError)) return finish(sendError as Error);
        finish(new ClamdUnavailableError(`clamd at ${this.address} closed the connection without a reply`));
      });
      socket.once('connect', () => {
        send(socket).catch((error: unknown) => {
          // A write failing because clamd hung up is judged by what clamd said (see 'close'); a failure of the input
          // (storage) is not clamd's and is passed on as it is.
          sendError = error;
          if (!(error instanceof SocketWriteError)) finish(error as Error);
        });
      });
    });
  }
}

class SocketWriteError extends Error {}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) return reject(new SocketWriteError('socket closed'));
    const flushed = socket.write(data, (error) => {
      if (error) reject(new SocketWriteError(error.message));
    });
    if (flushed) return resolve();
    const onDrain = () => {
      socket.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      socket.off('drain', onDrain);
      reject(new SocketWriteError('socket closed'));
    };
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}
