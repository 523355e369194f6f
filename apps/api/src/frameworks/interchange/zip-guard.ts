import { bufferZipSource, GuardedZip, ZipBombError, ZipInvalidError } from '@peduli/storage';
import { problem, InterchangeProblem } from './problems';

/** Far above any real framework workbook, far below what would hurt the server. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1_000;

const notXlsx = (detailId: string, detailEn: string): InterchangeProblem[] => [
  problem('NOT_XLSX', `Berkas bukan lembar kerja XLSX: ${detailId}`, `The file is not an XLSX workbook: ${detailEn}`),
];

/**
 * Checks a workbook's ZIP container before a spreadsheet library unpacks it, with the project's one ZIP reader
 * (@peduli/storage's GuardedZip, which the document worker uses for uploads): a real ZIP, no encryption, a bounded
 * number of entries, and a bounded total size once inflated. Sizes are measured by inflating each entry under a hard
 * limit, not taken from the headers, which a zip bomb may fake. Returns the problems; empty means safe.
 */
export async function checkZip(bytes: Buffer): Promise<InterchangeProblem[]> {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return notXlsx('ini format Excel lama (.xls) atau berkas terenkripsi; simpan ulang sebagai .xlsx tanpa kata sandi.', 'this is the old Excel format (.xls) or an encrypted file; save it again as .xlsx without a password.');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return notXlsx('bukan arsip ZIP.', 'not a ZIP archive.');
  let zip: GuardedZip | undefined;
  try {
    // No ratio limit: XML compresses very well, and the total size bounds the harm.
    zip = await GuardedZip.open(bufferZipSource(bytes), { maxUnzippedBytes: MAX_UNCOMPRESSED_BYTES, maxEntries: MAX_ZIP_ENTRIES, maxRatio: Number.POSITIVE_INFINITY });
    // Spreadsheet libraries do not check CRC-32 either: only the size is measured here.
    await zip.inflate([], 0, false);
    return [];
  } catch (error) {
    if (error instanceof ZipBombError && error.limit === 'ENTRIES') {
      return notXlsx(`lebih dari ${MAX_ZIP_ENTRIES} berkas di dalamnya.`, `more than ${MAX_ZIP_ENTRIES} entries inside.`);
    }
    if (error instanceof ZipBombError) {
      const limit = `${MAX_UNCOMPRESSED_BYTES / (1024 * 1024)} MB`;
      return notXlsx(`isinya melebihi ${limit} setelah diekstrak.`, `its content exceeds ${limit} once unpacked.`);
    }
    if (error instanceof ZipInvalidError && error.reason === 'ENCRYPTED') return notXlsx('berkas terenkripsi.', 'the file is encrypted.');
    if (error instanceof ZipInvalidError) return notXlsx('isi ZIP rusak.', 'the ZIP content is damaged.');
    throw error;
  } finally {
    zip?.close();
  }
}
