import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_DIR = join(__dirname, '..');
const SCHEMA_FILE = join(PACKAGE_DIR, 'src', 'schema.ts');

describe('src/schema.ts', () => {
  it('holds the types of the checked-in openapi.json (run `npm run generate -w @peduli/api-client` when this fails)', () => {
    // openapi-typescript loads ES modules that Jest's CommonJS runtime cannot: the built generator runs in plain Node.
    const expected = execFileSync(process.execPath, [join(PACKAGE_DIR, 'dist', 'codegen.js'), '--stdout'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const actual = readFileSync(SCHEMA_FILE, 'utf8');
    if (actual !== expected) {
      throw new Error(
        'packages/api-client/src/schema.ts is not what openapi-typescript makes of openapi.json. ' +
          'Run `npm run generate -w @peduli/api-client` and commit both files.',
      );
    }
  });
});
