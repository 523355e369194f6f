import { fileTypeFromBuffer } from 'file-type';
import type { SniffedType } from '@peduli/domain';

/** How many leading bytes file-type needs to recognise every format we allow (OOXML needs a few KB). */
export const SNIFF_BYTES = 64 * 1024;

/** The real type of a file, judged from its bytes alone (never its name). */
export async function sniffType(head: Buffer): Promise<SniffedType | null> {
  const found = await fileTypeFromBuffer(head);
  return found ? { mime: found.mime, ext: found.ext } : null;
}
