import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerSession } from 'smtp-server';
import { freePort } from './free-port';

export interface ReceivedMail {
  id: number;
  from: string;
  to: string[];
  raw: string;
  /** Decoded subject and plain-text body (MIME encodings undone). */
  subject: string;
  text: string;
  messageId: string | null;
  receivedAt: Date;
  file?: string;
}

export interface SmtpSinkOptions {
  port?: number;
  /** Write every message as an .eml file here (the dev mailbox). */
  mailboxDir?: string;
  /** One line per received message, e.g. a logger. */
  log?: (line: string, mail?: ReceivedMail) => void;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /**
   * Decides per recipient whether to refuse the delivery: return an SMTP reply code (e.g. 451 transient, 550
   * permanent) to refuse, or null to accept. Used by fault tests.
   */
  refuseRecipient: ((address: string) => number | null) | null;
  /**
   * While true, messages are held before the server's final reply: not accepted, not counted. A held message whose
   * client goes away is dropped, as a real server does with a message it never acknowledged. Used by crash tests.
   */
  holdAcceptance: boolean;
  waitFor(predicate: (messages: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/** A real SMTP server that accepts every message and keeps it: the test and dev mail sink. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const port = options.port ?? (await freePort());
  if (options.mailboxDir) mkdirSync(options.mailboxDir, { recursive: true });
  const messages: ReceivedMail[] = [];
  let nextId = 1;

  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refuseRecipient: null,
    holdAcceptance: false,
    waitFor: async (predicate, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) {
          throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms (${messages.length} messages received)`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const closedSessions = new Set<string>();
  const server = new SMTPServer({
    onClose(session) {
      closedSessions.add(session.id);
    },
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const code = sink.refuseRecipient?.(address.address) ?? null;
      if (code === null) return callback();
      const error = Object.assign(new Error(`Recipient refused by test sink (${code})`), { responseCode: code });
      callback(error);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        while (sink.holdAcceptance && !closedSessions.has(session.id)) await new Promise((resolve) => setTimeout(resolve, 10));
        if (closedSessions.has(session.id)) return;
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw).catch(() => null);
        const mail: ReceivedMail = {
          id: nextId++,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: parsed?.subject ?? '',
          text: parsed?.text ?? '',
          messageId: parsed?.messageId ?? null,
          receivedAt: new Date(),
        };
        if (options.mailboxDir) {
          const stamp = mail.receivedAt.toISOString().replace(/[:.]/g, '-');
          mail.file = join(options.mailboxDir, `${stamp}-${String(mail.id).padStart(5, '0')}.eml`);
          writeFileSync(mail.file, raw);
        }
        messages.push(mail);
        options.log?.(`mail ${mail.id} to ${mail.to.join(', ')}: ${mail.subject}`, mail);
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // smtp-server reports a client's broken connection (a sender killed mid-message: ECONNRESET) as the server's
  // 'error' event; without a listener that would be thrown out of the process hosting the sink.
  server.on('error', (error: Error) => options.log?.(`connection error: ${error.message}`));
  return sink;
}
