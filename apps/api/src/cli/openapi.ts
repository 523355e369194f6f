import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createOfflineApiDocument } from '../app.factory';

/** Writes the API's OpenAPI document (as /api/docs-json serves it) to the file given, or to stdout. */
export function serialiseApiDocument(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  const text = serialiseApiDocument(await createOfflineApiDocument());
  const target = process.argv[2];
  if (target) {
    writeFileSync(resolve(target), text);
    console.error(`OpenAPI document written to ${target}`);
  } else {
    process.stdout.write(text);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
