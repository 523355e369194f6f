import { inflateRawSync } from 'node:zlib';
import { problem, InterchangeProblem } from './problems';

/** Far above any real framework workbook, far below what would hurt the server. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1_000;

const notXlsx = (detailId: string, detailEn: string): InterchangeProblem[] => [
  problem('NOT_XLSX', `Berkas bukan lembar kerja XLSX: ${detailId}`, `The file is not an XLSX workbook: ${detailEn}`),
];

/**
 * Checks a workbook's ZIP container before a spreadsheet library unpacks it: a real ZIP, no ZIP64 or encryption, a
 * bounded number of entries, and a bounded total size once inflated. Sizes are measured by inflating each entry with
 * a hard output limit, not taken from the headers, which a zip bomb may fake. Returns the problems; empty means safe.
 */
export function checkZip(bytes: Buffer): InterchangeProblem[] {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return notXlsx('ini format Excel lama (.xls) atau berkas terenkripsi; simpan ulang sebagai .xlsx tanpa kata sandi.', 'this is the old Excel format (.xls) or an encrypted file; save it again as .xlsx without a password.');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return notXlsx('bukan arsip ZIP.', 'not a ZIP archive.');
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return notXlsx('arsip ZIP tidak lengkap.', 'the ZIP archive is incomplete.');
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return notXlsx('ZIP64 tidak didukung.', 'ZIP64 is not supported.');
  if (entries > MAX_ZIP_ENTRIES) return notXlsx(`lebih dari ${MAX_ZIP_ENTRIES} berkas di dalamnya.`, `more than ${MAX_ZIP_ENTRIES} entries inside.`);
  let budget = MAX_UNCOMPRESSED_BYTES;
  let offset = directoryOffset;
  try {
    for (let entry = 0; entry < entries; entry++) {
      if (bytes.readUInt32LE(offset) !== 0x02014b50) return notXlsx('direktori ZIP rusak.', 'the ZIP directory is damaged.');
      const flags = bytes.readUInt16LE(offset + 8);
      const method = bytes.readUInt16LE(offset + 10);
      const compressedSize = bytes.readUInt32LE(offset + 20);
      const localOffset = bytes.readUInt32LE(offset + 42);
      offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
      if (flags & 0x1) return notXlsx('berkas terenkripsi.', 'the file is encrypted.');
      if (bytes.readUInt32LE(localOffset) !== 0x04034b50) return notXlsx('isi ZIP rusak.', 'the ZIP content is damaged.');
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) return notXlsx('isi ZIP terpotong.', 'the ZIP content is truncated.');
      let size: number;
      if (method === 0) size = compressedSize;
      else if (method === 8) size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      else return notXlsx(`metode kompresi ${method} tidak didukung.`, `compression method ${method} is not supported.`);
      budget -= size;
      if (budget < 0) break;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') budget = -1;
    else return notXlsx('isi ZIP rusak.', 'the ZIP content is damaged.');
  }
  if (budget < 0) {
    const limit = `${MAX_UNCOMPRESSED_BYTES / (1024 * 1024)} MB`;
    return notXlsx(`isinya melebihi ${limit} setelah diekstrak.`, `its content exceeds ${limit} once unpacked.`);
  }
  return [];
}
