import { AddressInfo, createServer, Server, Socket } from 'node:net';

export type FakeClamdMode =
  /** Speaks INSTREAM and answers OK, or FOUND when the stream contains the EICAR test string. */
  | 'scan'
  /** Accepts the connection and the data, and never answers. */
  | 'hang'
  /** Answers as clamd does for a stream over StreamMaxLength. */
  | 'size-limit'
  /** Closes the connection without a word. */
  | 'hang-up';

export interface ReceivedScan {
  command: string;
  chunkLengths: number[];
  data: Buffer;
}

const EICAR_MARKER = Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE', 'latin1');

/**
 * A stand-in for clamd on 127.0.0.1, speaking its real INSTREAM protocol: a "zINSTREAM\0" command, chunks each
 * prefixed by a 4-byte big-endian length, a zero length to end, and a NUL-terminated reply. PING is answered too.
 */
export class FakeClamd {
  mode: FakeClamdMode = 'scan';
  readonly scans: ReceivedScan[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeClamd> {
    const server = createServer();
    const fake = new FakeClamd(server);
    server.on('connection', (socket) => fake.serve(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `tcp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.mode === 'hang-up') return void socket.destroy();

    let buffer = Buffer.alloc(0);
    let command: string | undefined;
    const scan: ReceivedScan = { command: '', chunkLengths: [], data: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === undefined) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        scan.command = command;
        if (command === 'zPING') return void socket.end('PONG\0');
        if (command !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
        this.scans.push(scan);
        if (this.mode === 'size-limit') return void socket.end('INSTREAM size limit exceeded. ERROR\0');
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          scan.data = Buffer.concat(chunks);
          if (this.mode === 'hang') return;
          const found = scan.data.includes(EICAR_MARKER);
          return void socket.end(found ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
        }
        if (buffer.length < 4 + length) return;
        scan.chunkLengths.push(length);
        chunks.push(Buffer.from(buffer.subarray(4, 4 + length)));
        buffer = buffer.subarray(4 + length);
      }
    });
  }
}

/** A loopback port nothing listens on: a server is opened there and closed again. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `tcp://127.0.0.1:${port}`;
}
