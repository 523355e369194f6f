import { FrameworkContent, KkpFrameworkContent, Programme, RanhamFrameworkContent } from '@peduli/domain';

/** What every framework file declares first, so a reader knows what it holds and which layout it follows. */
export const DOCUMENT_FORMAT = 'peduli.framework';
export const DOCUMENT_FORMAT_VERSION = 1;

interface DocumentHeader {
  format: typeof DOCUMENT_FORMAT;
  formatVersion: typeof DOCUMENT_FORMAT_VERSION;
  frameworkCode: string;
  label: string;
}

export interface KkpFrameworkDocument extends DocumentHeader {
  programme: Programme.KKP_HAM;
  content: KkpFrameworkContent;
}

export interface RanhamFrameworkDocument extends DocumentHeader {
  programme: Programme.RANHAM;
  content: RanhamFrameworkContent;
}

/**
 * A framework version as a file: its identity (without version number or status, which belong to the database) and
 * its content, whose shape follows the programme. JSON, YAML and XLSX all carry exactly this.
 */
export type FrameworkDocument = KkpFrameworkDocument | RanhamFrameworkDocument;

/** The file formats a version can be exported to and imported from. */
export type FileFormat = 'json' | 'yaml' | 'xlsx';
export const FILE_FORMATS: readonly FileFormat[] = ['json', 'yaml', 'xlsx'];

export const MEDIA_TYPES: Readonly<Record<FileFormat, string>> = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The document of a stored version. Its content is taken as stored; the structural parser puts it in canonical form. */
export function documentOf(version: { programme: Programme; frameworkCode: string; label: string; content: FrameworkContent }): FrameworkDocument {
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    programme: version.programme,
    frameworkCode: version.frameworkCode,
    label: version.label,
    content: version.content,
  } as FrameworkDocument;
}
