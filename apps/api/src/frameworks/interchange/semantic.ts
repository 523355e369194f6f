import { FrameworkProblem, FrameworkStatus, Programme, validateFrameworkVersion, validateRanhamFramework } from '@peduli/domain';
import type { FrameworkDocument } from './document';
import { InterchangeProblem, problem } from './problems';

/** Fields of a version's identity; every other path of the domain validators lies in the document's content. */
const HEADER_FIELDS = new Set(['programme', 'frameworkCode', 'version', 'status', 'label']);

/** A domain path (into a version) as a document path: `indicators[3].points` → `content.indicators[3].points`. */
export function documentPath(domainPath: string): string {
  const head = /^[^.[]*/.exec(domainPath)![0];
  if (HEADER_FIELDS.has(head)) return domainPath;
  return domainPath === '' ? 'content' : `content.${domainPath}`;
}

function run(document: FrameworkDocument, version: number): FrameworkProblem[] {
  const header = { frameworkCode: document.frameworkCode, label: document.label, version, status: FrameworkStatus.DRAFT };
  if (document.programme === Programme.RANHAM) return validateRanhamFramework({ ...header, ...document.content, programme: Programme.RANHAM });
  return validateFrameworkVersion({ ...header, ...document.content, programme: Programme.KKP_HAM });
}

/**
 * What the domain says about a structurally sound document: the same checks as publishing (weights summing to 100,
 * codes that exist, bands within the points, ...), so only a version that could be published is ever imported.
 */
export function semanticProblems(document: FrameworkDocument, version = 1): InterchangeProblem[] {
  try {
    return run(document, version).map((found) => problem(found.code, found.message.id, found.message.en, { path: documentPath(found.path) }));
  } catch (error) {
    const detail = String(error);
    return [problem('MALFORMED_CONTENT', `Isi kerangka tidak dapat diperiksa: ${detail}`, `The content could not be checked: ${detail}`, { path: 'content' })];
  }
}
