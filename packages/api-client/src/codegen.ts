import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE_DIR = join(__dirname, '..');
export const DOCUMENT_FILE = join(PACKAGE_DIR, 'openapi.json');
export const SCHEMA_FILE = join(PACKAGE_DIR, 'src', 'schema.ts');

const HEADER = `/**
 * Generated from openapi.json by openapi-typescript: do not edit.
 * Regenerate both with \`npm run generate -w @peduli/api-client\`.
 */

`;

/** The TypeScript types of an OpenAPI document, exactly as src/schema.ts holds them. */
export async function renderSchema(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText) as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}

/** `--stdout` prints the types instead of writing them (the drift test compares them with the checked-in file). */
async function main(): Promise<void> {
  const schema = await renderSchema(readFileSync(DOCUMENT_FILE, 'utf8'));
  if (process.argv.includes('--stdout')) {
    process.stdout.write(schema);
    return;
  }
  writeFileSync(SCHEMA_FILE, schema);
  console.error(`Types written to ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
