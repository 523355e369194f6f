import {
  describeRegion,
  IANA_ZONE,
  IndonesianTimeZone,
  knownProvinceCodes,
  provinceCodeOfRegion,
  RegionKind,
  regionKindFromOfficialName,
  timeZoneOfProvince,
  UnknownProvinceError,
} from '../src';

/**
 * The 38 provinces (Kemendagri codes, 2022) and the zone each observes, written out independently of the source so a
 * wrong entry there is caught here.
 */
const EXPECTED_ZONES: Record<string, IndonesianTimeZone> = {
  '11': IndonesianTimeZone.WIB, // Aceh
  '12': IndonesianTimeZone.WIB, // Sumatera Utara
  '13': IndonesianTimeZone.WIB, // Sumatera Barat
  '14': IndonesianTimeZone.WIB, // Riau
  '15': IndonesianTimeZone.WIB, // Jambi
  '16': IndonesianTimeZone.WIB, // Sumatera Selatan
  '17': IndonesianTimeZone.WIB, // Bengkulu
  '18': IndonesianTimeZone.WIB, // Lampung
  '19': IndonesianTimeZone.WIB, // Kepulauan Bangka Belitung
  '21': IndonesianTimeZone.WIB, // Kepulauan Riau
  '31': IndonesianTimeZone.WIB, // DKI Jakarta
  '32': IndonesianTimeZone.WIB, // Jawa Barat
  '33': IndonesianTimeZone.WIB, // Jawa Tengah
  '34': IndonesianTimeZone.WIB, // DI Yogyakarta
  '35': IndonesianTimeZone.WIB, // Jawa Timur
  '36': IndonesianTimeZone.WIB, // Banten
  '51': IndonesianTimeZone.WITA, // Bali
  '52': IndonesianTimeZone.WITA, // Nusa Tenggara Barat
  '53': IndonesianTimeZone.WITA, // Nusa Tenggara Timur
  '61': IndonesianTimeZone.WIB, // Kalimantan Barat
  '62': IndonesianTimeZone.WIB, // Kalimantan Tengah
  '63': IndonesianTimeZone.WITA, // Kalimantan Selatan
  '64': IndonesianTimeZone.WITA, // Kalimantan Timur
  '65': IndonesianTimeZone.WITA, // Kalimantan Utara
  '71': IndonesianTimeZone.WITA, // Sulawesi Utara
  '72': IndonesianTimeZone.WITA, // Sulawesi Tengah
  '73': IndonesianTimeZone.WITA, // Sulawesi Selatan
  '74': IndonesianTimeZone.WITA, // Sulawesi Tenggara
  '75': IndonesianTimeZone.WITA, // Gorontalo
  '76': IndonesianTimeZone.WITA, // Sulawesi Barat
  '81': IndonesianTimeZone.WIT, // Maluku
  '82': IndonesianTimeZone.WIT, // Maluku Utara
  '91': IndonesianTimeZone.WIT, // Papua
  '92': IndonesianTimeZone.WIT, // Papua Barat
  '93': IndonesianTimeZone.WIT, // Papua Selatan
  '94': IndonesianTimeZone.WIT, // Papua Tengah
  '95': IndonesianTimeZone.WIT, // Papua Pegunungan
  '96': IndonesianTimeZone.WIT, // Papua Barat Daya
};

describe('timeZoneOfProvince', () => {
  it('knows exactly the 38 provinces, sorted', () => {
    const codes = knownProvinceCodes();
    expect(codes).toHaveLength(38);
    expect(new Set(codes).size).toBe(38);
    expect(codes).toEqual(Object.keys(EXPECTED_ZONES).sort());
    expect(codes[0]).toBe('11');
    expect(codes[37]).toBe('96');
  });

  it.each(Object.entries(EXPECTED_ZONES))('province %s is in %s', (code, zone) => {
    expect(timeZoneOfProvince(code)).toBe(zone);
  });

  it.each([
    ['31', IndonesianTimeZone.WIB],
    ['64', IndonesianTimeZone.WITA],
    ['51', IndonesianTimeZone.WITA],
    ['62', IndonesianTimeZone.WIB],
    ['81', IndonesianTimeZone.WIT],
    ['96', IndonesianTimeZone.WIT],
  ])('spot check: %s -> %s', (code, zone) => {
    expect(timeZoneOfProvince(code)).toBe(zone);
  });

  it('counts 18 WIB, 12 WITA and 8 WIT provinces', () => {
    const counts = { WIB: 0, WITA: 0, WIT: 0 };
    for (const code of knownProvinceCodes()) counts[timeZoneOfProvince(code)] += 1;
    expect(counts).toEqual({ WIB: 18, WITA: 12, WIT: 8 });
  });

  it.each(['99', '00', '20', '1', '011', '', ' 31', '31 ', '64.71'])('rejects unknown code %j', (code) => {
    expect(() => timeZoneOfProvince(code)).toThrow(UnknownProvinceError);
  });

  it('names the unknown code in the error', () => {
    let caught: unknown;
    try {
      timeZoneOfProvince('99');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownProvinceError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as UnknownProvinceError).provinceCode).toBe('99');
    expect((caught as UnknownProvinceError).message).toContain('"99"');
  });

  it('returns a fresh array each time (callers cannot corrupt the table)', () => {
    const first = knownProvinceCodes();
    first.push('99');
    first.sort().reverse();
    expect(knownProvinceCodes()).toHaveLength(38);
    expect(() => timeZoneOfProvince('99')).toThrow(UnknownProvinceError);
  });
});

describe('IANA_ZONE', () => {
  it('maps each Indonesian zone to its IANA name', () => {
    expect(IANA_ZONE).toEqual({
      WIB: 'Asia/Jakarta',
      WITA: 'Asia/Makassar',
      WIT: 'Asia/Jayapura',
    });
  });

  it.each([
    [IndonesianTimeZone.WIB, '+07:00'],
    [IndonesianTimeZone.WITA, '+08:00'],
    [IndonesianTimeZone.WIT, '+09:00'],
  ])('%s names a real zone at UTC%s', (zone, offset) => {
    const formatted = new Intl.DateTimeFormat('en-US', { timeZone: IANA_ZONE[zone], timeZoneName: 'longOffset' })
      .formatToParts(new Date(Date.UTC(2026, 0, 15, 12)))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(formatted).toBe(`GMT${offset}`);
  });
});

describe('regionKindFromOfficialName', () => {
  it.each([
    ['KABUPATEN ACEH BESAR', RegionKind.KABUPATEN],
    ['Kabupaten Kutai Kartanegara', RegionKind.KABUPATEN],
    ['  kabupaten bogor  ', RegionKind.KABUPATEN],
    ['KOTA BALIKPAPAN', RegionKind.KOTA],
    ['Kota Administrasi Jakarta Selatan', RegionKind.KOTA],
    ['kota kupang', RegionKind.KOTA],
  ])('%j is a %s', (name, kind) => {
    expect(regionKindFromOfficialName(name)).toBe(kind);
  });

  it.each(['KOTAWARINGIN BARAT', 'KABUPATENBOGOR', 'Provinsi Bali', 'Balikpapan', '', 'KOTA', 'KABUPATEN'])(
    'throws for %j',
    (name) => {
      expect(() => regionKindFromOfficialName(name)).toThrow(/regency or a city/);
    },
  );
});

describe('provinceCodeOfRegion', () => {
  it.each([
    ['64.71', '64'],
    ['31.74', '31'],
    ['96.01', '96'],
  ])('%s belongs to province %s', (region, province) => {
    expect(provinceCodeOfRegion(region)).toBe(province);
  });

  it.each(['6471', '64-71', '64.7', '64.711', '6.471', 'ab.cd', ' 64.71', '64.71 ', '', '64.71.01'])(
    'rejects %j',
    (code) => {
      expect(() => provinceCodeOfRegion(code)).toThrow(/NN\.NN/);
    },
  );
});

describe('describeRegion', () => {
  it('builds a full reference for a city', () => {
    expect(describeRegion('64.71', '64', 'KOTA BALIKPAPAN')).toEqual({
      code: '64.71',
      provinceCode: '64',
      name: 'KOTA BALIKPAPAN',
      kind: RegionKind.KOTA,
      timeZone: IndonesianTimeZone.WITA,
    });
  });

  it('builds a full reference for a regency in the east', () => {
    expect(describeRegion('91.03', '91', 'KABUPATEN JAYAPURA')).toEqual({
      code: '91.03',
      provinceCode: '91',
      name: 'KABUPATEN JAYAPURA',
      kind: RegionKind.KABUPATEN,
      timeZone: IndonesianTimeZone.WIT,
    });
  });

  it('throws when the region code does not belong to the given province', () => {
    expect(() => describeRegion('64.71', '63', 'KOTA BALIKPAPAN')).toThrow('Region 64.71 does not belong to province 63');
  });

  it('throws on a malformed region code', () => {
    expect(() => describeRegion('6471', '64', 'KOTA BALIKPAPAN')).toThrow(/NN\.NN/);
  });

  it('throws on a name that is neither KABUPATEN nor KOTA', () => {
    expect(() => describeRegion('64.71', '64', 'BALIKPAPAN')).toThrow(/regency or a city/);
  });

  it('throws UnknownProvinceError for a well-formed code of an unknown province', () => {
    expect(() => describeRegion('99.01', '99', 'KOTA ENTAH')).toThrow(UnknownProvinceError);
  });
});
