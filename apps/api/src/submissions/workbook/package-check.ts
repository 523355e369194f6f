import { bufferZipSource, GuardedZip } from '@peduli/storage';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from '../../frameworks/interchange/zip-guard';
import { InterchangeProblem, problem } from '../../frameworks/interchange/problems';

const CONTENT_TYPES = '[Content_Types].xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/**
 * Parts a workbook of answers never needs and a spreadsheet program may act on when the file is opened again: macros
 * (a VBA project, or a macro-enabled workbook's content type), links to other files (external links, whose values
 * a program refreshes from elsewhere), data connections and query tables (which fetch outside data on refresh) and
 * embedded objects (other files, which a program may open or run). Such a file is refused, not cleaned: its author
 * should know it was not taken. Runs after checkZip, on a container already known to be small enough to read.
 */
export async function activeContentProblems(bytes: Buffer): Promise<InterchangeProblem[]> {
  const zip = await GuardedZip.open(bufferZipSource(bytes), { maxUnzippedBytes: MAX_UNCOMPRESSED_BYTES, maxEntries: MAX_ZIP_ENTRIES, maxRatio: Number.POSITIVE_INFINITY });
  try {
    const names = zip.list().map((entry) => entry.name);
    const kept = await zip.inflate([CONTENT_TYPES, WORKBOOK_RELS], 1024 * 1024, false);
    const contentTypes = kept.get(CONTENT_TYPES)?.toString('utf8') ?? '';
    const relationships = kept.get(WORKBOOK_RELS)?.toString('utf8') ?? '';
    const problems: InterchangeProblem[] = [];
    if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name)) || /macroEnabled|vbaProject/i.test(contentTypes)) {
      problems.push(
        problem(
          'MACROS',
          'Berkas berisi makro (VBA); simpan ulang sebagai "Buku Kerja Excel (.xlsx)" tanpa makro.',
          'The file contains macros (VBA); save it again as "Excel Workbook (.xlsx)" without macros.',
        ),
      );
    }
    if (names.some((name) => /^xl\/externalLinks\//i.test(name)) || /externalLink/i.test(contentTypes) || /relationships\/externalLink"/i.test(relationships)) {
      problems.push(
        problem(
          'EXTERNAL_LINKS',
          'Berkas berisi tautan ke berkas lain; putuskan tautannya (Data > Edit Tautan > Putuskan Tautan) lalu simpan ulang.',
          'The file links to other files; break the links (Data > Edit Links > Break Link) and save it again.',
        ),
      );
    }
    if (
      names.some((name) => /^xl\/(connections\.xml$|queryTables\/)/i.test(name)) ||
      /spreadsheetml\.(connections|queryTable)\+xml/i.test(contentTypes) ||
      /relationships\/connections"/i.test(relationships)
    ) {
      problems.push(
        problem(
          'DATA_CONNECTIONS',
          'Berkas berisi koneksi data ke sumber luar; hapus koneksinya (Data > Kueri & Koneksi) lalu simpan ulang.',
          'The file has connections to outside data; remove them (Data > Queries & Connections) and save it again.',
        ),
      );
    }
    if (names.some((name) => /^xl\/embeddings\//i.test(name))) {
      problems.push(
        problem(
          'EMBEDDED_OBJECTS',
          'Berkas berisi objek tersemat (berkas lain di dalam buku kerja); hapus objeknya lalu simpan ulang.',
          'The file contains embedded objects (other files inside the workbook); delete them and save it again.',
        ),
      );
    }
    return problems;
  } finally {
    zip.close();
  }
}
