/**
 * The files an operator dropped or picked, each with its own progress. Pure: the page feeds it events (added,
 * started, progress, finished, failed) and shows what it returns; the uploads themselves run one at a time, so a slow
 * office connection gives the first file all its bandwidth instead of sharing it between many half-done files.
 */
export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  fileName: string;
  sizeBytes: number;
  state: UploadState;
  /** Bytes sent so far, as the browser reports them. */
  loaded: number;
  /** Why the API refused this file, already in the viewer's language. */
  error?: string;
}

export type QueueEvent =
  | { type: 'added'; files: readonly { key: string; fileName: string; sizeBytes: number }[] }
  | { type: 'started'; key: string }
  | { type: 'progress'; key: string; loaded: number }
  | { type: 'finished'; key: string }
  | { type: 'failed'; key: string; error: string }
  | { type: 'clearFinished' };

function update(items: readonly UploadItem[], key: string, change: (item: UploadItem) => UploadItem): UploadItem[] {
  return items.map((item) => (item.key === key ? change(item) : item));
}

export function uploadQueue(items: readonly UploadItem[], event: QueueEvent): UploadItem[] {
  switch (event.type) {
    case 'added': {
      const known = new Set(items.map((item) => item.key));
      const fresh = event.files.filter((file) => !known.has(file.key)).map((file): UploadItem => ({ ...file, state: 'waiting', loaded: 0 }));
      return [...items, ...fresh];
    }
    case 'started':
      return update(items, event.key, (item) => ({ ...item, state: 'uploading', loaded: 0, error: undefined }));
    case 'progress':
      // Progress never runs backwards or past the file's size (the multipart envelope adds a few hundred bytes).
      return update(items, event.key, (item) => (item.state === 'uploading' ? { ...item, loaded: Math.min(item.sizeBytes, Math.max(item.loaded, event.loaded)) } : item));
    case 'finished':
      return update(items, event.key, (item) => ({ ...item, state: 'done', loaded: item.sizeBytes }));
    case 'failed':
      return update(items, event.key, (item) => ({ ...item, state: 'failed', error: event.error }));
    case 'clearFinished':
      return items.filter((item) => item.state !== 'done');
  }
}

/** The next file to send, or none while one is on its way (one upload at a time). */
export function nextUpload(items: readonly UploadItem[]): UploadItem | undefined {
  if (items.some((item) => item.state === 'uploading')) return undefined;
  return items.find((item) => item.state === 'waiting');
}

/** Whole percent for the progress bar; an empty file is complete once sent. */
export function percentSent(item: UploadItem): number {
  if (item.state === 'done') return 100;
  if (item.sizeBytes === 0) return 0;
  return Math.floor((item.loaded / item.sizeBytes) * 100);
}

/** A key that tells two picks of the same file apart from two different files of the same name. */
export function fileKey(file: { name: string; size: number; lastModified: number }, batch: number): string {
  return `${batch}:${file.name}:${file.size}:${file.lastModified}`;
}
