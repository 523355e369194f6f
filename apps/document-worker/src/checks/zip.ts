// The ZIP reader with its zip-bomb guards is shared with the API's framework import: it lives in @peduli/storage.
export { DEFAULT_MAX_ZIP_ENTRIES, GuardedZip, RATIO_MIN_ENTRY_BYTES, ZipBombError, ZipInvalidError } from '@peduli/storage';
export type { ZipEntryInfo, ZipLimits } from '@peduli/storage';
