import { isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, stringify } from 'yaml';
import type { FrameworkDocument } from './document';
import { decodeUtf8, MAX_NESTING } from './json-format';
import { formatPath, InterchangeProblem, isBuiltInKey, problem, ReadResult, Segment } from './problems';

/*
 * YAML 1.2 with the core schema only: no anchors or aliases (the document never needs them, and refusing them rules
 * out "billion laughs" expansion), no custom tags, no merge keys, one document per file, every key given once.
 */

class YamlConverter {
  readonly flagged = new Set<string>();

  constructor(
    private readonly problems: InterchangeProblem[],
    private readonly lines: LineCounter,
  ) {}

  private lineOf(node: { range?: [number, number, number] | null }): string {
    const offset = node.range?.[0];
    return offset === undefined ? '' : String(this.lines.linePos(offset).line);
  }

  private report(code: string, id: string, en: string, path: Segment[]): void {
    this.problems.push(problem(code, id, en, { path: formatPath(path) }));
  }

  convert(node: unknown, path: Segment[]): unknown {
    if (path.length > MAX_NESTING) throw new RangeError('nesting');
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      this.report('YAML_ALIAS', `Alias YAML (*${node.source}) tidak didukung.`, `YAML aliases (*${node.source}) are not supported.`, path);
      this.flagged.add(formatPath(path));
      return undefined;
    }
    if ((node as Node).anchor) {
      const anchor = (node as Node).anchor!;
      this.report('YAML_ANCHOR', `Anchor YAML (&${anchor}) tidak didukung.`, `YAML anchors (&${anchor}) are not supported.`, path);
    }
    if (isMap(node)) {
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        const keyNode = pair.key;
        if (!isScalar(keyNode) || !(typeof keyNode.value === 'string' || typeof keyNode.value === 'number')) {
          const line = this.lineOf((keyNode as Node | null) ?? {});
          this.report('YAML_COMPLEX_KEY', `Kunci pada baris ${line} harus berupa teks.`, `The key on line ${line} must be text.`, path);
          continue;
        }
        const key = String(keyNode.value);
        const at = [...path, key];
        const value = this.convert(pair.value, at);
        if (isBuiltInKey(key)) this.report('RESERVED_KEY', `Kunci "${key}" tidak diizinkan.`, `The key "${key}" is not allowed.`, at);
        else if (Object.prototype.hasOwnProperty.call(result, key)) {
          const line = this.lineOf(keyNode);
          this.report('DUPLICATE_KEY', `Kunci "${key}" muncul lebih dari sekali (baris ${line}).`, `The key "${key}" appears more than once (line ${line}).`, at);
        } else result[key] = value;
      }
      return result;
    }
    if (isSeq(node)) return node.items.map((item, index) => this.convert(item, [...path, index]));
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
      const line = this.lineOf(node);
      this.report('YAML_UNSUPPORTED_VALUE', `Nilai pada baris ${line} tidak didukung.`, `The value on line ${line} is not supported.`, path);
      return undefined;
    }
    this.report('YAML_UNSUPPORTED_VALUE', 'Nilai tidak didukung.', 'Unsupported value.', path);
    return undefined;
  }
}

export function readYaml(bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { problems: decoded.problems };
  const lines = new LineCounter();
  try {
    const document = parseDocument(decoded.value.replace(/^\uFEFF/, ''), {
      version: '1.2',
      schema: 'core',
      merge: false,
      // Checked below with the path of the repeated key, which the parser's own check does not give.
      uniqueKeys: false,
      strict: true,
      prettyErrors: true,
      lineCounter: lines,
    });
    const syntax = [...document.errors, ...document.warnings].map((error) => {
      const at = error.linePos?.[0];
      const where = at ? `${at.line}:${at.col}` : '?';
      const detail = error.message.split('\n')[0];
      return problem('MALFORMED_YAML', `YAML tidak valid (baris ${where}): ${detail}`, `Invalid YAML (line ${where}): ${detail}`);
    });
    if (syntax.length > 0) return { problems: syntax };
    const problems: InterchangeProblem[] = [];
    // The tree is converted by hand rather than with toJS(), so an alias is never expanded at all.
    const converter = new YamlConverter(problems, lines);
    const value = converter.convert(document.contents, []);
    return { value, problems, flagged: converter.flagged };
  } catch (error) {
    const detail = error instanceof RangeError ? `nesting deeper than ${MAX_NESTING} levels` : String(error);
    return { problems: [problem('MALFORMED_YAML', `YAML tidak dapat dibaca: ${detail}`, `The YAML could not be read: ${detail}`)] };
  }
}

export function writeYaml(document: FrameworkDocument): Buffer {
  const body = stringify(document, { version: '1.2', aliasDuplicateObjects: false, lineWidth: 0, indentSeq: true });
  return Buffer.from(`# Peduli framework file (${document.programme} ${document.frameworkCode})\n${body}`, 'utf8');
}
