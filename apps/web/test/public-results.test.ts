import { barSegments, chosenYear, groupByProvince, normalise, searchRegions, yearFromPath, type RegionBand } from '../src/pages/public/public-results';
import { bandLabel, formatDecreeDate } from '../src/pages/public/bands';
import { translate } from '../src/i18n/messages';

const region = (code: string, name: string, band = 'PEDULI'): RegionBand => ({
  code,
  name,
  provinceCode: code.slice(0, 2),
  provinceName: code.startsWith('64') ? 'Kalimantan Timur' : 'Papua',
  band,
});
const REGIONS = [region('91.71', 'Kota Jayapura'), region('64.72', 'Kota Samarinda'), region('64.71', 'Kota Balikpapan'), region('64.02', 'Kabupaten Kutai Kartanegara')];

describe('the public results page rules', () => {
  it('finds regencies and cities by every word typed, ignoring case, accents and blanks', () => {
    expect(normalise('  Kota   BALIKPÄPAN ')).toBe('kota balikpapan');
    expect(searchRegions(REGIONS, 'balikpapan').map((r) => r.code)).toEqual(['64.71']);
    expect(searchRegions(REGIONS, 'kartanegara kutai').map((r) => r.code)).toEqual(['64.02']);
    expect(searchRegions(REGIONS, 'kota').map((r) => r.code)).toEqual(['91.71', '64.72', '64.71']);
    expect(searchRegions(REGIONS, '   ')).toHaveLength(4);
    expect(searchRegions(REGIONS, 'bandung')).toEqual([]);
  });

  it('groups by province in code order, regions by code', () => {
    expect(groupByProvince(REGIONS).map((group) => [group.name, group.regions.map((r) => r.code)])).toEqual([
      ['Kalimantan Timur', ['64.02', '64.71', '64.72']],
      ['Papua', ['91.71']],
    ]);
    expect(groupByProvince([])).toEqual([]);
  });

  it('gives each band its share of the province, leaving empty bands out', () => {
    const province = { code: '64', name: 'Kalimantan Timur', rated: 4, counts: [{ band: 'PEDULI', count: 3 }, { band: 'CUKUP_PEDULI', count: 0 }, { band: 'KURANG_PEDULI', count: 1 }] };
    expect(barSegments(province)).toEqual([
      { band: 'PEDULI', count: 3, percent: 75 },
      { band: 'KURANG_PEDULI', count: 1, percent: 25 },
    ]);
    expect(barSegments({ ...province, rated: 0, counts: [] })).toEqual([]);
  });

  it('shows the year asked for, else the latest decreed one, and none before any decree', () => {
    const years = [2023, 2025, 2024].map((dataYear) => ({ dataYear, awardYear: dataYear + 1, decreeNumber: 'x', decreeDate: '2025-11-15' }));
    expect(chosenYear(years, null)).toBe(2025);
    expect(chosenYear(years, 2023)).toBe(2023);
    expect(chosenYear([], null)).toBeNull();
    expect(chosenYear([], 2022)).toBe(2022);
    expect([yearFromPath('2025'), yearFromPath('25'), yearFromPath('2025x'), yearFromPath(undefined)]).toEqual([2025, null, null, null]);
  });

  it('names bands in the page’s language, a band it does not know by its code, and decree dates without a time zone shift', () => {
    expect(bandLabel((key) => translate('id', key), 'PEDULI')).toBe('Peduli HAM');
    expect(bandLabel((key) => translate('en', key), 'KURANG_PEDULI')).toBe('Not Yet Human Rights Caring');
    expect(bandLabel((key) => translate('id', key), 'LAMA')).toBe('LAMA');
    expect(formatDecreeDate('2026-11-15', 'id')).toBe('15 November 2026');
    expect(formatDecreeDate('2026-01-01', 'en')).toBe('1 January 2026');
  });
});
