import { Programme } from '../programmes';
import { FrameworkContent, FrameworkVersion, FrameworkVersionHeader, KkpFrameworkContent, RanhamFrameworkContent, RanhamFrameworkVersion } from './model';
import { normaliseRanhamContent } from './ranham-measures';
import { FrameworkProblem, validateFrameworkVersion } from './validate';
import { validateRanhamFramework } from './validate-ranham';

/** A version as stored: its identity plus the content whose shape follows the programme. */
export interface StoredFrameworkVersion extends FrameworkVersionHeader {
  content: FrameworkContent;
}

export function asKkpVersion(version: StoredFrameworkVersion): FrameworkVersion {
  const { content, ...header } = version;
  return { ...header, ...(content as KkpFrameworkContent) };
}

/** A stored RANHAM version as the domain reads it: old-shape measures are normalised here (see normaliseRanhamContent). */
export function asRanhamVersion(version: StoredFrameworkVersion): RanhamFrameworkVersion {
  const { content, ...header } = version;
  return { ...header, ...normaliseRanhamContent(content as RanhamFrameworkContent), programme: Programme.RANHAM };
}

/** Every problem of a stored version, whichever its programme; paths point into its content. */
export function validateStoredFramework(version: StoredFrameworkVersion): FrameworkProblem[] {
  return version.programme === Programme.RANHAM ? validateRanhamFramework(asRanhamVersion(version)) : validateFrameworkVersion(asKkpVersion(version));
}
