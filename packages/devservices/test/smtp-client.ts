import { createConnection, Socket } from 'node:net';

export interface SmtpReply {
  code: number;
  lines: string[];
}

/**
 * A deliberately small SMTP client for tests: it speaks the protocol by hand over a TCP socket, one command at a time,
 * so the tests see exactly what the server answers to each command.
 */
export class RawSmtpClient {
  private buffer = '';
  private current: string[] = [];
  private readonly replies: SmtpReply[] = [];
  private waiting: ((reply: SmtpReply) => void) | null = null;
  private failure: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => {
      this.failure = error;
    });
  }

  static async connect(port: number): Promise<{ client: RawSmtpClient; greeting: SmtpReply }> {
    const socket = createConnection({ host: '127.0.0.1', port });
    const client = new RawSmtpClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    return { client, greeting: await client.nextReply() };
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.current.push(line);
      // "250-..." continues a multi-line reply; "250 ..." (or a bare "250") ends it.
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines: this.current };
        this.current = [];
        if (this.waiting) {
          const deliver = this.waiting;
          this.waiting = null;
          deliver(reply);
        } else {
          this.replies.push(reply);
        }
      }
    }
  }

  nextReply(timeoutMs = 5000): Promise<SmtpReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no SMTP reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
    });
  }

  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.nextReply();
  }

  /** Sends a message body after a 354, dot-stuffed and terminated with <CRLF>.<CRLF>. */
  async data(message: string): Promise<SmtpReply> {
    const body = message
      .split(/\r?\n/)
      .map((line) => (line.startsWith('.') ? `.${line}` : line))
      .join('\r\n');
    this.socket.write(`${body}\r\n.\r\n`);
    return this.nextReply();
  }

  async quit(): Promise<void> {
    try {
      await this.command('QUIT');
    } finally {
      this.socket.destroy();
    }
  }

  /** Drops the connection with a TCP reset, as a sender killed mid-message does (the sink sees ECONNRESET). */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** One whole SMTP transaction; returns the reply to every step so tests can check each. */
export async function sendByHand(
  port: number,
  mail: { from: string; to: string; message: string },
): Promise<{ greeting: SmtpReply; ehlo: SmtpReply; mailFrom: SmtpReply; rcptTo: SmtpReply; data?: SmtpReply; end?: SmtpReply }> {
  const { client, greeting } = await RawSmtpClient.connect(port);
  try {
    const ehlo = await client.command('EHLO test.peduli.local');
    const mailFrom = await client.command(`MAIL FROM:<${mail.from}>`);
    const rcptTo = await client.command(`RCPT TO:<${mail.to}>`);
    if (rcptTo.code !== 250) return { greeting, ehlo, mailFrom, rcptTo };
    const data = await client.command('DATA');
    const end = await client.data(mail.message);
    return { greeting, ehlo, mailFrom, rcptTo, data, end };
  } finally {
    await client.quit();
  }
}
