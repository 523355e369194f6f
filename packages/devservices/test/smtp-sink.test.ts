import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceivedMail, SmtpSink, startSmtpSink } from '../src';
import { RawSmtpClient, sendByHand } from './smtp-client';

function message(subject: string, messageId: string, body = 'Halo dari Peduli.'): string {
  return [
    'From: Peduli <no-reply@peduli.test>',
    'To: operator@kota.test',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
  ].join('\r\n');
}

describe('startSmtpSink', () => {
  let mailboxDir: string;
  let sink: SmtpSink;
  const logged: string[] = [];

  beforeAll(async () => {
    mailboxDir = join(mkdtempSync(join(tmpdir(), 'peduli-sink-test-')), 'mailbox');
    sink = await startSmtpSink({ mailboxDir, log: (line) => logged.push(line) });
  });

  afterEach(() => {
    sink.refuseRecipient = null;
  });

  afterAll(async () => {
    await sink?.stop();
    rmSync(join(mailboxDir, '..'), { recursive: true, force: true });
  });

  it('listens on loopback and advertises its URL', () => {
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    expect(sink.port).toBeGreaterThan(0);
  });

  it('accepts a mail spoken by hand and keeps it, with one .eml file per message', async () => {
    const before = readdirSync(mailboxDir).length;
    const replies = await sendByHand(sink.port, {
      from: 'no-reply@peduli.test',
      to: 'operator@kota.test',
      message: message('Skor sementara', '<hand-1@peduli.test>', 'Baris satu\r\n.baris yang diawali titik\r\nBaris tiga'),
    });
    expect(replies.greeting.code).toBe(220);
    expect(replies.ehlo.code).toBe(250);
    expect(replies.mailFrom.code).toBe(250);
    expect(replies.rcptTo.code).toBe(250);
    expect(replies.data?.code).toBe(354);
    expect(replies.end?.code).toBe(250);

    const [mail] = await sink.waitFor((messages) => messages.some((m) => m.messageId === '<hand-1@peduli.test>'), 5000).then(
      (messages) => messages.filter((m) => m.messageId === '<hand-1@peduli.test>'),
    );
    expect(mail.from).toBe('no-reply@peduli.test');
    expect(mail.to).toEqual(['operator@kota.test']);
    expect(mail.subject).toBe('Skor sementara');
    expect(mail.receivedAt).toBeInstanceOf(Date);
    expect(mail.raw).toContain('\r\n.baris yang diawali titik\r\n');
    expect(mail.raw).not.toContain('..baris');

    const files = readdirSync(mailboxDir).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(before + 1);
    expect(mail.file).toBeDefined();
    expect(files).toContain(mail.file!.slice(mailboxDir.length + 1));
    expect(mail.file!.endsWith(`-${String(mail.id).padStart(5, '0')}.eml`)).toBe(true);
    expect(readFileSync(mail.file!, 'utf8')).toBe(mail.raw);
    expect(logged).toContain(`mail ${mail.id} to operator@kota.test: Skor sementara`);
  });

  it('writes a separate file for every message and numbers them in order', async () => {
    const before = sink.messages.length;
    for (const n of [1, 2, 3]) {
      const replies = await sendByHand(sink.port, {
        from: 'no-reply@peduli.test',
        to: `unit${n}@kota.test`,
        message: message(`Pesan ${n}`, `<multi-${n}@peduli.test>`),
      });
      expect(replies.end?.code).toBe(250);
    }
    const received: ReceivedMail[] = sink.messages.slice(before);
    expect(received.map((m) => m.subject)).toEqual(['Pesan 1', 'Pesan 2', 'Pesan 3']);
    expect(received.map((m) => m.to[0])).toEqual(['unit1@kota.test', 'unit2@kota.test', 'unit3@kota.test']);
    expect(received[1].id).toBe(received[0].id + 1);
    expect(received[2].id).toBe(received[1].id + 1);
    const files = new Set(received.map((m) => m.file));
    expect(files.size).toBe(3);
    expect(readdirSync(mailboxDir).filter((name) => name.endsWith('.eml'))).toHaveLength(sink.messages.length);
  });

  it('unfolds a folded Subject header', async () => {
    const raw = message('placeholder', '<folded@peduli.test>').replace('Subject: placeholder', 'Subject: Laporan\r\n  triwulan kedua');
    await sendByHand(sink.port, { from: 'a@peduli.test', to: 'b@kota.test', message: raw });
    const mail = sink.messages.find((m) => m.messageId === '<folded@peduli.test>');
    expect(mail?.subject).toBe('Laporan triwulan kedua');
  });

  it('answers RCPT TO with 550 for a refused recipient and keeps nothing', async () => {
    sink.refuseRecipient = (address) => (address === 'gone@kota.test' ? 550 : null);
    const before = sink.messages.length;
    const files = readdirSync(mailboxDir).length;
    const replies = await sendByHand(sink.port, {
      from: 'no-reply@peduli.test',
      to: 'gone@kota.test',
      message: message('Tidak sampai', '<refused@peduli.test>'),
    });
    expect(replies.rcptTo.code).toBe(550);
    expect(replies.rcptTo.lines.join('\n')).toContain('Recipient refused by test sink (550)');
    expect(replies.data).toBeUndefined();
    expect(sink.messages).toHaveLength(before);
    expect(readdirSync(mailboxDir)).toHaveLength(files);
  });

  it('refuses per recipient: others in the same session are accepted', async () => {
    sink.refuseRecipient = (address) => (address.startsWith('busy') ? 451 : null);
    const { client } = await RawSmtpClient.connect(sink.port);
    try {
      expect((await client.command('EHLO t')).code).toBe(250);
      expect((await client.command('MAIL FROM:<a@peduli.test>')).code).toBe(250);
      expect((await client.command('RCPT TO:<busy@kota.test>')).code).toBe(451);
      expect((await client.command('RCPT TO:<ok@kota.test>')).code).toBe(250);
      expect((await client.command('DATA')).code).toBe(354);
      expect((await client.data(message('Sebagian', '<partial@peduli.test>'))).code).toBe(250);
    } finally {
      await client.quit();
    }
    const mail = sink.messages.find((m) => m.messageId === '<partial@peduli.test>');
    expect(mail?.to).toEqual(['ok@kota.test']);
  });

  it('survives a sender killed mid-message (a TCP reset), and goes on receiving', async () => {
    const { client } = await RawSmtpClient.connect(sink.port);
    expect((await client.command('EHLO t')).code).toBe(250);
    expect((await client.command('MAIL FROM:<a@peduli.test>')).code).toBe(250);
    expect((await client.command('RCPT TO:<cut@kota.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    client.reset();
    // The reset reaches the sink as a connection error: logged, not thrown out of the process hosting it.
    const deadline = Date.now() + 5_000;
    while (!logged.some((line) => line.startsWith('connection error')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.filter((line) => line.startsWith('connection error'))).toEqual([expect.stringContaining('ECONNRESET')]);
    await sendByHand(sink.port, { from: 'a@peduli.test', to: 'after@kota.test', message: message('Sesudahnya', '<after-reset@peduli.test>') });
    expect(sink.messages.some((m) => m.messageId === '<after-reset@peduli.test>')).toBe(true);
    expect(sink.messages.some((m) => m.to.includes('cut@kota.test'))).toBe(false);
  });

  it('waitFor resolves once the condition holds and times out otherwise', async () => {
    const pending = sink.waitFor((messages) => messages.some((m) => m.subject === 'Ditunggu'), 5000);
    await sendByHand(sink.port, { from: 'a@peduli.test', to: 'b@kota.test', message: message('Ditunggu', '<awaited@peduli.test>') });
    const messages = await pending;
    expect(messages.filter((m) => m.subject === 'Ditunggu')).toHaveLength(1);

    const started = Date.now();
    await expect(sink.waitFor(() => false, 200)).rejects.toThrow(/condition not met within 200 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});

describe('startSmtpSink without a mailbox', () => {
  it('keeps messages in memory only and stops listening on stop()', async () => {
    const sink = await startSmtpSink();
    let stopped = false;
    try {
      await sendByHand(sink.port, { from: 'a@peduli.test', to: 'b@kota.test', message: message('Memori', '<memory@peduli.test>') });
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0].file).toBeUndefined();
      expect(sink.messages[0].id).toBe(1);
      await sink.stop();
      stopped = true;
      await expect(RawSmtpClient.connect(sink.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      if (!stopped) await sink.stop();
    }
  });
});
