import type { FrameworkDocument } from './document';
import { formatPath, InterchangeProblem, isBuiltInKey, Outcome, problem, ReadResult, Segment } from './problems';

/** Deeper than any framework document needs; a bound on the reader's recursion for hostile files. */
export const MAX_NESTING = 64;

/** Decodes UTF-8 strictly (a byte-order mark is allowed and dropped). */
export function decodeUtf8(bytes: Uint8Array): Outcome<string> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, value: text };
  } catch {
    return { ok: false, problems: [problem('NOT_UTF8', 'Berkas bukan teks UTF-8.', 'The file is not UTF-8 text.')] };
  }
}

/**
 * Walks text that JSON.parse has already accepted, building the value again so that what JSON.parse hides is seen:
 * a key given twice (JSON.parse silently keeps the last) and keys named like Object.prototype members.
 */
class JsonWalker {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly problems: InterchangeProblem[],
  ) {}

  value(path: Segment[]): unknown {
    if (path.length > MAX_NESTING) throw new RangeError('nesting');
    this.skipSpace();
    const char = this.source[this.index];
    if (char === '{') return this.object(path);
    if (char === '[') return this.array(path);
    if (char === '"') return this.string();
    return this.literal();
  }

  private object(path: Segment[]): Record<string, unknown> {
    const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.index++;
    this.skipSpace();
    if (this.source[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.index++; // ':'
      const at = [...path, key];
      const value = this.value(at);
      if (isBuiltInKey(key)) {
        this.problems.push(problem('RESERVED_KEY', `Kunci "${key}" tidak diizinkan.`, `The key "${key}" is not allowed.`, { path: formatPath(at) }));
      } else if (Object.prototype.hasOwnProperty.call(result, key)) {
        this.problems.push(problem('DUPLICATE_KEY', `Kunci "${key}" muncul lebih dari sekali.`, `The key "${key}" appears more than once.`, { path: formatPath(at) }));
      } else {
        result[key] = value;
      }
      this.skipSpace();
      if (this.source[this.index++] === '}') return result;
    }
  }

  private array(path: Segment[]): unknown[] {
    const result: unknown[] = [];
    this.index++;
    this.skipSpace();
    if (this.source[this.index] === ']') {
      this.index++;
      return result;
    }
    for (;;) {
      result.push(this.value([...path, result.length]));
      this.skipSpace();
      if (this.source[this.index++] === ']') return result;
    }
  }

  private string(): string {
    const start = this.index;
    this.index++;
    for (;;) {
      const char = this.source[this.index++];
      if (char === '\\') this.index++;
      else if (char === '"') break;
    }
    return JSON.parse(this.source.slice(start, this.index)) as string;
  }

  private literal(): unknown {
    const match = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    match.lastIndex = this.index;
    const token = match.exec(this.source)![0];
    this.index += token.length;
    return JSON.parse(token);
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.source[this.index] ?? '')) this.index++;
  }
}

/** Reads a JSON file into a plain value; problems carry the path of a repeated or reserved key. */
export function readJson(bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { problems: decoded.problems };
  const source = decoded.value.replace(/^\uFEFF/, '');
  try {
    JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problems: [problem('MALFORMED_JSON', `Berkas bukan JSON yang valid: ${detail}`, `The file is not valid JSON: ${detail}`)] };
  }
  const problems: InterchangeProblem[] = [];
  try {
    const value = new JsonWalker(source, problems).value([]);
    return { value, problems };
  } catch {
    return {
      problems: [problem('TOO_DEEP', `Struktur JSON bersarang lebih dari ${MAX_NESTING} tingkat.`, `The JSON nests deeper than ${MAX_NESTING} levels.`)],
    };
  }
}

export function writeJson(document: FrameworkDocument): Buffer {
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
