import { PDFDocument, rgb, StandardFonts } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import type { Upload } from './http';

export interface PdfContent {
  /** The letterhead: the issuing body. */
  issuer: string;
  title: string;
  lines: string[];
  signedBy: string;
}

/** A real, readable one-page PDF with a letterhead, text and a signature block, as a unit would scan or export it. */
export async function makePdf(name: string, content: PdfContent): Promise<Upload> {
  const document = await PDFDocument.create();
  document.setTitle(content.title);
  document.setCreator('Peduli demo');
  const page = document.addPage([595, 842]);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const dark = rgb(0.1, 0.1, 0.15);
  page.drawText(content.issuer.toUpperCase(), { x: 60, y: 780, size: 12, font: bold, color: dark });
  page.drawLine({ start: { x: 60, y: 770 }, end: { x: 535, y: 770 }, thickness: 1.5, color: dark });
  page.drawText(content.title, { x: 60, y: 735, size: 14, font: bold, color: dark });
  let y = 700;
  for (const line of content.lines) {
    page.drawText(line, { x: 60, y, size: 11, font: regular, color: dark });
    y -= 18;
  }
  page.drawText('Ditandatangani,', { x: 360, y: y - 30, size: 11, font: regular, color: dark });
  page.drawText(content.signedBy, { x: 360, y: y - 90, size: 11, font: bold, color: dark });
  const bytes = await document.save();
  return { name, mime: 'application/pdf', bytes };
}

/** A photo-like image (sky, a building, a banner with a caption): PNG or JPEG, decoded completely by any viewer. */
export async function makePhoto(name: string, caption: string, format: 'png' | 'jpeg'): Promise<Upload> {
  const escaped = caption.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb8e6"/><stop offset="1" stop-color="#d9eefb"/></linearGradient></defs>
    <rect width="640" height="400" fill="url(#sky)"/>
    <rect y="300" width="640" height="100" fill="#6a8f4e"/>
    <rect x="170" y="140" width="300" height="170" fill="#efe6d2" stroke="#8a7a5a" stroke-width="4"/>
    <polygon points="150,145 320,70 490,145" fill="#a94f3b"/>
    <rect x="295" y="230" width="50" height="80" fill="#5b4636"/>
    <rect x="60" y="20" width="520" height="44" rx="6" fill="#b3262e"/>
    <text x="320" y="50" font-family="sans-serif" font-size="20" fill="#ffffff" text-anchor="middle">${escaped}</text>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.jpeg({ quality: 80 }).toBuffer();
  return { name, mime: format === 'png' ? 'image/png' : 'image/jpeg', bytes: new Uint8Array(bytes) };
}

/**
 * A Windows executable's bytes (an MZ header pointing at a PE signature) under a PDF's name and type: what a unit
 * uploads by mistake, or what someone tries on purpose. The document worker judges files by their content.
 */
export function makeDisguisedExecutable(name: string): Upload {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0); // "MZ"
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true); // e_lfanew: where the PE header starts
  bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80); // "PE\0\0", i386
  return { name, mime: 'application/pdf', bytes };
}
