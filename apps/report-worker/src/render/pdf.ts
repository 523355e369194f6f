import { join } from 'node:path';
// pdfmake's module is one instance with its methods on the prototype: `import * as` would copy only its own fields.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** The shipped DejaVu Sans (see fonts/LICENSE): it covers every Latin letter Indonesian names use. */
export const FONTS_DIR = join(__dirname, '..', '..', 'fonts');

export const FONT_FAMILY = 'DejaVuSans';

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: join(FONTS_DIR, 'DejaVuSans.ttf'),
      bold: join(FONTS_DIR, 'DejaVuSans-Bold.ttf'),
      italics: join(FONTS_DIR, 'DejaVuSans-Oblique.ttf'),
      bolditalics: join(FONTS_DIR, 'DejaVuSans-BoldOblique.ttf'),
    },
  });
  // Documents are made from data alone: no image or font may come from the network or from elsewhere on disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS_DIR));
  configured = true;
}

/** Lays out and writes one document; its bytes depend only on the definition (its info dates included). */
export async function printPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
