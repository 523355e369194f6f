// The entry point of a document check thread (see CheckIsolation): sniffs and checks one file at a time, from bytes
// the main thread shares with it, and reports the real type before the structure check so that a check that runs out
// of time or memory still has its type on record.
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { realType, structureFindings, type StructureSettings } from './index';
import type { ThreadMessage } from './isolation';
import { inMemorySource } from './source';

// libvips' operation cache would only keep pixels of files that are never seen again. (Its thread count is left as it
// is: an image checked while the other threads parse PDFs may still use every core.)
sharp.cache(false);

const port = parentPort!;
const send = (message: ThreadMessage) => port.postMessage(message);

port.on('message', ({ bytes, settings }: { bytes: Uint8Array; settings: StructureSettings }) => {
  void (async () => {
    try {
      const source = inMemorySource(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const sniffed = await realType(source, settings);
      send({ kind: 'sniffed', sniffed });
      send({ kind: 'done', findings: await structureFindings(source, sniffed, settings) });
    } catch (error) {
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
