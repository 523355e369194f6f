import { completenessPageLink, homePageLink, reportPageLink } from '@peduli/domain';
import { completenessSearchOf, router } from '../src/router';

/** The route a path opens: the deepest match's id, or none when only the root (the not-found page) matches. */
function routeOf(link: string): string | null {
  const url = new URL(link);
  const matches = router.matchRoutes(url.pathname, Object.fromEntries(url.searchParams));
  const deepest = matches[matches.length - 1];
  return deepest && deepest.routeId !== '__root__' ? deepest.routeId : null;
}

describe('the pages that mails link to', () => {
  const base = 'https://peduli.test';

  it('has a page for every link the workers put in mails', () => {
    expect(routeOf(reportPageLink(base, '3f0c8a52-0000-4000-8000-000000000001'))).toBe('/reports/$id');
    expect(routeOf(homePageLink(base))).toBe('/');
    expect(routeOf(completenessPageLink(base, { programme: 'RANHAM', cycleId: 'c-1', periodCode: 'B08', regionCode: '64.71' }))).toBe('/completeness');
    expect(routeOf(`${base}/account/invitation`)).toBe('/account/invitation');
    expect(routeOf(`${base}/account/password-reset`)).toBe('/account/password-reset');
  });

  it('keeps the links of mails sent before the report page had its address', () => {
    expect(routeOf(`${base}/submissions/3f0c8a52-0000-4000-8000-000000000001`)).toBe('/submissions/$id');
  });

  it('has no page for an address nobody links to', () => {
    expect(routeOf(`${base}/no-such-page`)).toBeNull();
  });

  it('starts completeness where the mail says, dropping what is not a starting point', () => {
    expect(completenessSearchOf({ programme: 'RANHAM', cycleId: 'c-1', periodCode: 'B08', regionCode: '64.71', extra: 'x' })).toEqual({
      programme: 'RANHAM',
      cycleId: 'c-1',
      periodCode: 'B08',
      regionCode: '64.71',
    });
    expect(completenessSearchOf({ programme: 'OTHER', cycleId: '' })).toEqual({});
  });
});
