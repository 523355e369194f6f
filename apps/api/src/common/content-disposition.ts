/**
 * Content-Disposition for a download named as a person named it (RFC 6266): an ASCII `filename` for old clients, and
 * the exact name in `filename*=UTF-8''…` (RFC 8187), which every current browser prefers.
 *
 * Express's attachment() puts ISO-8859-1 text in the plain `filename`; header bytes above 0x7F are read differently
 * by different clients and proxies, so the fallback here is plain ASCII only.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = asciiFallback(fileName);
  const plain = `attachment; filename="${fallback}"`;
  return fallback === fileName ? plain : `${plain}; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** Typographic characters Word and Windows put in names, spelled the way an ASCII keyboard would. */
const ASCII_LOOKALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': "'",
  '\u201D': "'",
  '\u201E': "'",
  '\u00AB': "'",
  '\u00BB': "'",
  '\u2026': '...',
  '\u00A0': ' ',
};

/**
 * The name in printable ASCII: accents dropped (é → e), dashes and curly quotes straightened, anything else
 * replaced by `_`. A double quote and a backslash become `'` and `_`, so the quoted-string needs no escapes (which some
 * clients do not undo).
 */
export function asciiFallback(fileName: string): string {
  let out = '';
  for (const char of fileName.normalize('NFKD')) {
    const code = char.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks left by NFKD: the accent of é
    if (char === '"') out += "'";
    else if (char === '\\') out += '_';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += ASCII_LOOKALIKES[char] ?? '_';
  }
  return out;
}

/** RFC 8187 value-chars: attr-char stays, every other UTF-8 byte is percent-encoded (encodeURIComponent leaves ' ( ) *). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
