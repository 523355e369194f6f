import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * pdfjs-dist ships as ES modules only, which the tests' CommonJS runtime cannot load, so the text is read in a child
 * Node process on pdfjs's legacy (Node-compatible) build. The PDF goes in on stdin; one JSON array of page texts comes
 * out. Each text item is kept whole and a line ends where pdfjs says it does.
 */
const SCRIPT = `
const pdfjs = await import(process.env.PDFJS_URL);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const document = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number += 1) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\\n';
  }
  pages.push(text);
}
await document.destroy();
process.stdout.write(JSON.stringify(pages));
`;

/** The text of each page of a PDF, in reading order. Rejects when the bytes are not a readable PDF. */
export async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    env: { ...process.env, PDFJS_URL: pdfjsUrl },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // A child that dies before reading everything closes its stdin; the exit code below says why.
  child.stdin.on('error', () => undefined);
  child.stdin.end(bytes);
  const code = await exited;
  if (code !== 0) {
    throw new Error(`Reading the PDF's text failed (exit ${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`);
  }
  return JSON.parse(Buffer.concat(stdout).toString('utf8')) as string[];
}
