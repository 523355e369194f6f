import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our own Message-ID, derived from the ledger row, so a resend after a crash can be recognised. */
  messageId: string;
}

export interface SendResult {
  messageId: string;
  response: string;
}

/** SMTP replies 5xx are permanent (the address or message is refused); everything else is worth retrying. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export class MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    maxConnections = 5,
  ) {
    // nodemailer reads transport options from the URL's query; ours fill in only what the URL leaves unset.
    const url = new URL(smtpUrl);
    const options = { pool: 'true', maxConnections: String(maxConnections), connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };
    for (const [name, value] of Object.entries(options)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
    this.transporter = nodemailer.createTransport(url.toString());
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}
