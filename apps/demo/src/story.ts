import { DemoFailure } from './failure';
import type { Lang } from './options';
import { Cell, renderTable, truncate, wrap } from './table';

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const code = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

export function palette(colour: boolean): Palette {
  if (!colour) {
    const same = (text: string) => text;
    return { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };
  }
  return { bold: code(1, 22), dim: code(2, 22), green: code(32, 39), red: code(31, 39), yellow: code(33, 39), cyan: code(36, 39) };
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a wait shows while it polls: a line of its own, or a fraction done (drawn as a bar). */
export type WaitStatus = string | { done: number; total: number; text?: string };

/** One look at what is awaited: `value` once it is there, and meanwhile what to show. */
export interface Poll<T> {
  value?: T;
  status?: WaitStatus;
}

export interface WaitOptions {
  /** Fails the demo after this long, naming what it waited for and the last status seen. */
  timeoutMs: number;
  intervalMs?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function bar({ done, total }: { done: number; total: number }, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
}

function statusText(status: WaitStatus | undefined): string {
  if (status === undefined) return '';
  if (typeof status === 'string') return status;
  return `${bar(status)}${status.text ? ` ${status.text}` : ''}`;
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/**
 * The story as the terminal shows it: numbered steps, paragraphs, tables, links, and waits with a spinner (or a bar)
 * while the workers do their part. Without a terminal (CI), a wait prints a line when it starts, every 20 s and when it
 * ends, instead of redrawing one.
 */
export class Story {
  readonly colours: Palette;
  private stepNumber = 0;
  readonly width: number;

  constructor(
    private readonly out: Output,
    readonly lang: Lang,
    colour: boolean,
    private readonly totalSteps: number,
  ) {
    this.colours = palette(colour);
    this.width = Math.max(72, Math.min(out.columns ?? 110, 130));
  }

  /** The text in the story's language. */
  t(id: string, en: string): string {
    return this.lang === 'id' ? id : en;
  }

  get currentStep(): number {
    return this.stepNumber;
  }

  line(text = ''): void {
    this.out.write(`${text}\n`);
  }

  banner(title: string, subtitle: string): void {
    const rule = '═'.repeat(Math.min(this.width, 100));
    this.line(this.colours.cyan(rule));
    this.line(this.colours.bold(`  ${title}`));
    for (const text of wrap(subtitle, Math.min(this.width, 100))) this.line(text);
    this.line(this.colours.cyan(rule));
  }

  step(title: string): void {
    this.stepNumber++;
    const label = `${this.t('Langkah', 'Step')} ${this.stepNumber}/${this.totalSteps}`;
    const head = `── ${label} · ${title} `;
    this.line();
    this.line(this.colours.bold(this.colours.cyan(head + '─'.repeat(Math.max(3, Math.min(this.width, 100) - head.length)))));
  }

  say(text: string): void {
    for (const line of wrap(text, this.width)) this.line(line);
  }

  /** A smaller heading inside a step. */
  section(text: string): void {
    this.line();
    this.line(`  ${this.colours.bold(text)}`);
  }

  ok(text: string): void {
    const [first, ...rest] = wrap(text, this.width, 4);
    this.line(`  ${this.colours.green('✓')} ${first.trimStart()}`);
    for (const line of rest) this.line(line);
  }

  note(text: string): void {
    for (const line of wrap(text, this.width, 4)) this.line(this.colours.dim(line));
  }

  warn(text: string): void {
    const [first, ...rest] = wrap(text, this.width, 4);
    this.line(`  ${this.colours.yellow('!')} ${first.trimStart()}`);
    for (const line of rest) this.line(line);
  }

  table(columns: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.line();
    for (const line of renderTable(columns, rows, { maxWidth: this.width, indent: 4, header: this.colours.bold })) this.line(line);
    this.line();
  }

  /** Label and value pairs, aligned. */
  pairs(entries: readonly (readonly [string, string])[]): void {
    const width = Math.max(...entries.map(([label]) => label.length));
    for (const [label, value] of entries) this.line(`    ${this.colours.dim(`${label}:`.padEnd(width + 2))}${value}`);
  }

  link(label: string, url: string): void {
    this.line(`    ${this.colours.dim(`${label}:`)} ${this.colours.cyan(url)}`);
  }

  /** A quoted block (a mail body), indented and dimmed, at most `maxLines` lines. */
  quote(text: string, maxLines = 14): void {
    const lines = text.replace(/\r/g, '').trim().split('\n');
    for (const line of lines.slice(0, maxLines)) this.line(this.colours.dim(`    │ ${line}`));
    if (lines.length > maxLines) this.line(this.colours.dim('    │ …'));
  }

  /**
   * Polls `check` until it gives a value, showing a spinner and its status meanwhile. Fails the demo after the timeout
   * with the label and the last status seen, so a stuck worker is named rather than waited on forever.
   */
  async waitFor<T>(label: string, check: () => Promise<Poll<T>>, options: WaitOptions): Promise<T> {
    const started = Date.now();
    const interval = options.intervalMs ?? 500;
    const tty = this.out.isTTY === true;
    let status = '';
    let frame = 0;
    let lastPlain = started;
    const render = () => {
      const text = `  ${this.colours.cyan(SPINNER[frame++ % SPINNER.length])} ${label} ${this.colours.dim(`(${seconds(Date.now() - started)})`)}${status ? ` ${status}` : ''}`;
      // One screen line only: a wrapped line could not be redrawn in place.
      this.out.write(`\r${truncate(text, (this.out.columns ?? 100) - 1)}\x1b[K`);
    };
    let timer: NodeJS.Timeout | undefined;
    if (tty) {
      render();
      timer = setInterval(render, 120);
    } else {
      this.line(`  … ${label}`);
    }
    try {
      for (;;) {
        const poll = await check();
        status = statusText(poll.status);
        if (poll.value !== undefined) {
          if (tty) this.out.write('\r\x1b[K');
          this.line(`  ${this.colours.green('✓')} ${label} ${this.colours.dim(`(${seconds(Date.now() - started)})`)}${status ? ` ${status}` : ''}`);
          return poll.value;
        }
        if (Date.now() - started > options.timeoutMs) {
          throw new DemoFailure(
            this.t(`Tidak terjadi dalam ${seconds(options.timeoutMs)}: ${label}`, `Did not happen within ${seconds(options.timeoutMs)}: ${label}`),
            status ? [this.t(`Keadaan terakhir: ${status}`, `Last seen: ${status}`)] : [],
          );
        }
        if (!tty && Date.now() - lastPlain >= 20_000) {
          lastPlain = Date.now();
          this.line(`    … ${seconds(Date.now() - started)}${status ? ` ${status}` : ''}`);
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    } catch (error) {
      if (tty) this.out.write('\r\x1b[K');
      throw error;
    } finally {
      if (timer) clearInterval(timer);
    }
  }
}
