import { SmtpSink, startSmtpSink } from '@peduli/devservices';
import { isPermanentSmtpFailure, MailTransport, renderMail } from '../src';

describe('MailTransport against a real SMTP server', () => {
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    transport = new MailTransport(sink.url, 'Peduli Test <no-reply@peduli.test>');
  });

  afterEach(() => {
    sink.refuseRecipient = null;
  });

  afterAll(async () => {
    transport?.close();
    await sink?.stop();
  });

  /** Awaits `promise` and returns what it rejected with; fails when it resolves. */
  async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the promise to reject');
  }

  it('verifies the connection', async () => {
    await expect(transport.verify()).resolves.toBeUndefined();
  });

  it('delivers a mail with our own Message-ID to the right recipient', async () => {
    const before = sink.messages.length;
    const messageId = `<ledger-1-${Date.now()}@peduli.test>`;
    const rendered = renderMail('submission-scored', 'en', {
      regionName: 'Kota Balikpapan',
      periodKey: '2026-B08',
      total: 75,
      band: 'PEDULI',
      link: 'https://peduli.test/s/1',
    });
    const result = await transport.send({ to: 'operator@balikpapan.go.id', messageId, ...rendered });
    expect(result.messageId).toBe(messageId);
    expect(result.response).toMatch(/^250/);

    const received = sink.messages.filter((m) => m.messageId === messageId);
    expect(received).toHaveLength(1);
    expect(sink.messages).toHaveLength(before + 1);
    const [mail] = received;
    expect(mail.to).toEqual(['operator@balikpapan.go.id']);
    expect(mail.from).toBe('no-reply@peduli.test');
    expect(mail.subject).toBe('Provisional score for Kota Balikpapan, period 2026-B08');
    expect(mail.raw).toContain('Kota Balikpapan');
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
  });

  it('sends several mails over the pool, each exactly once', async () => {
    const ids = [1, 2, 3].map((n) => `<batch-${n}-${Date.now()}@peduli.test>`);
    await Promise.all(
      ids.map((messageId, n) =>
        transport.send({ to: `unit${n}@peduli.test`, subject: `Batch ${n}`, text: 'halo', html: '<p>halo</p>', messageId }),
      ),
    );
    for (const [n, messageId] of ids.entries()) {
      const received = sink.messages.filter((m) => m.messageId === messageId);
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual([`unit${n}@peduli.test`]);
      expect(received[0].subject).toBe(`Batch ${n}`);
    }
  });

  it('reports a 550 recipient refusal as a permanent failure and stores nothing', async () => {
    sink.refuseRecipient = (address) => (address === 'gone@peduli.test' ? 550 : null);
    const before = sink.messages.length;
    const messageId = `<refused-550-${Date.now()}@peduli.test>`;
    const error = await rejectionOf(
      transport.send({ to: 'gone@peduli.test', subject: 'Refused', text: 'x', html: '<p>x</p>', messageId }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(isPermanentSmtpFailure(error)).toBe(true);
    expect(sink.messages).toHaveLength(before);
    expect(sink.messages.some((m) => m.messageId === messageId)).toBe(false);

    // Other addresses are still delivered through the same transport.
    const okId = `<after-refusal-${Date.now()}@peduli.test>`;
    await transport.send({ to: 'still-here@peduli.test', subject: 'Fine', text: 'x', html: '<p>x</p>', messageId: okId });
    expect(sink.messages.filter((m) => m.messageId === okId)).toHaveLength(1);
  });

  it('reports a 451 refusal as worth retrying (not permanent) and stores nothing', async () => {
    sink.refuseRecipient = () => 451;
    const before = sink.messages.length;
    const error = await rejectionOf(
      transport.send({ to: 'busy@peduli.test', subject: 'Later', text: 'x', html: '<p>x</p>', messageId: `<t451-${Date.now()}@peduli.test>` }),
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as { responseCode?: unknown }).responseCode).toBe(451);
    expect(isPermanentSmtpFailure(error)).toBe(false);
    expect(sink.messages).toHaveLength(before);
  });

  it('fails (not permanently) when no server listens', async () => {
    const { freePort } = await import('@peduli/devservices');
    const port = await freePort();
    const nowhere = new MailTransport(`smtp://127.0.0.1:${port}`, 'x@peduli.test');
    try {
      const error = await rejectionOf(
        nowhere.send({ to: 'a@peduli.test', subject: 's', text: 't', html: '<p>t</p>', messageId: '<nowhere@peduli.test>' }),
      );
      // Errors raised by Node's socket layer come from another realm than Jest's, so check their shape.
      expect(String((error as { message?: unknown }).message)).toMatch(/ECONNREFUSED/);
      expect(isPermanentSmtpFailure(error)).toBe(false);
    } finally {
      nowhere.close();
    }
  });
});
