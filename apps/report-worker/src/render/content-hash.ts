import { inputHash } from '@peduli/domain';
import type { PrintedDocumentInput } from '../documents/inputs';

/**
 * The hash stamped on every page: SHA-256 of the input's canonical JSON with the stamp itself left out, so it can be
 * recomputed from the same data later and compared with a printed copy.
 */
export function contentHashOf(input: PrintedDocumentInput): string {
  const { contentHash: _stamp, ...provenance } = input.provenance;
  return inputHash({ ...input, provenance });
}
