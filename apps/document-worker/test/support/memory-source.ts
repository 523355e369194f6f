import { Readable } from 'node:stream';
import type { DocumentSource } from '../../src/checks';

/**
 * A DocumentSource over bytes in memory that streams in small chunks, as storage does, and counts what was read so
 * tests can show that a check did not read a whole file it did not need.
 */
export class MemorySource implements DocumentSource {
  bytesRead = 0;
  opened = 0;

  constructor(
    readonly bytes: Buffer,
    private readonly chunkBytes = 16 * 1024,
  ) {}

  get sizeBytes(): number {
    return this.bytes.length;
  }

  open(): Readable {
    return this.openRange(0, this.bytes.length);
  }

  openRange(start: number, end: number): Readable {
    this.opened++;
    let at = start;
    const next = (): Buffer | null => {
      if (at >= end) return null;
      const chunk = Buffer.from(this.bytes.subarray(at, Math.min(end, at + this.chunkBytes)));
      at += chunk.length;
      this.bytesRead += chunk.length;
      return chunk;
    };
    return new Readable({
      read() {
        this.push(next());
      },
    });
  }
}
