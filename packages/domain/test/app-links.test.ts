import { completenessPageLink, homePageLink, reportPageLink } from '../src';

describe('links to the web app in mails', () => {
  it('opens a report on its own page, whatever the base ends with', () => {
    expect(reportPageLink('https://peduli.kemenham.go.id', '3f0c8a52-0000-4000-8000-000000000001')).toBe(
      'https://peduli.kemenham.go.id/reports/3f0c8a52-0000-4000-8000-000000000001',
    );
    expect(reportPageLink('http://localhost:4000/', 'abc')).toBe('http://localhost:4000/reports/abc');
  });

  it('sends a reporter without a report to Beranda', () => {
    expect(homePageLink('http://localhost:3000')).toBe('http://localhost:3000/');
  });

  it('opens completeness on the period and the one reporter, escaping what it carries', () => {
    expect(completenessPageLink('https://peduli.test', { programme: 'RANHAM', cycleId: 'c-1', periodCode: 'B08', regionCode: '64.71' })).toBe(
      'https://peduli.test/completeness?programme=RANHAM&cycleId=c-1&periodCode=B08&regionCode=64.71',
    );
    expect(completenessPageLink('https://peduli.test', { programme: 'RANHAM', cycleId: 'c 1&x', periodCode: 'B08', organisationId: 'o-9' })).toBe(
      'https://peduli.test/completeness?programme=RANHAM&cycleId=c+1%26x&periodCode=B08&organisationId=o-9',
    );
  });
});
