import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export interface Mail {
  file: string;
  messageId: string | null;
  to: string;
  subject: string;
  text: string;
  date: Date | null;
}

/**
 * The dev mailbox: `npm start`'s SMTP sink keeps every mail it accepts as an .eml file in one folder. Read here the way
 * a person would open them, decoded (quoted-printable, encoded words) by a real MIME parser.
 */
export class Mailbox {
  constructor(readonly dir: string) {}

  exists(): boolean {
    return existsSync(this.dir);
  }

  /** The mails written since `since` (by file time), oldest first. */
  async since(since: Date): Promise<Mail[]> {
    if (!this.exists()) return [];
    const files = readdirSync(this.dir)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => join(this.dir, name))
      .filter((file) => statSync(file).mtimeMs >= since.getTime() - 1000)
      .sort();
    const mails: Mail[] = [];
    for (const file of files) mails.push(await parseMail(file, readFileSync(file)));
    return mails;
  }
}

export async function parseMail(file: string, raw: Buffer): Promise<Mail> {
  const parsed = await simpleParser(raw);
  const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(', ') : (parsed.to?.text ?? '');
  return { file, messageId: parsed.messageId ?? null, to, subject: parsed.subject ?? '', text: parsed.text ?? '', date: parsed.date ?? null };
}
