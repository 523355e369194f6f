/**
 * Addresses of the web app's pages that mails link to. The web app's router defines these paths (its tests check that
 * each of them opens a page), and the workers build their links here, so a mail never points at a page that is not
 * there. `base` is APP_URL, where the web app is served.
 */

function joined(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** A report's own page: its task list for the reporter (the page offers the review to a reviewer through Beranda). */
export function reportPageLink(base: string, submissionId: string): string {
  return joined(base, `/reports/${encodeURIComponent(submissionId)}`);
}

/** Beranda: the open periods and the caller's reports, where a report not yet started is begun. */
export function homePageLink(base: string): string {
  return joined(base, '/');
}

export interface CompletenessLinkTarget {
  programme: string;
  cycleId: string;
  periodCode: string;
  regionCode?: string | null;
  organisationId?: string | null;
}

/** The completeness page opened on a period and, when given, one reporter's units. */
export function completenessPageLink(base: string, target: CompletenessLinkTarget): string {
  const query = new URLSearchParams({ programme: target.programme, cycleId: target.cycleId, periodCode: target.periodCode });
  if (target.regionCode) query.set('regionCode', target.regionCode);
  if (target.organisationId) query.set('organisationId', target.organisationId);
  return joined(base, `/completeness?${query.toString()}`);
}
