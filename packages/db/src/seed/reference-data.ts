import { readFileSync } from 'node:fs';
import { describeRegion, IANA_ZONE, RegionReference, timeZoneOfProvince } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { Province } from '../entities/province.entity';
import { Region } from '../entities/region.entity';

interface CsvRow {
  [column: string]: string;
}

/** The idn-area-data CSVs are plain (no quoting): one header line, comma-separated values. */
function readAreaCsv(file: 'provinces.csv' | 'regencies.csv'): CsvRow[] {
  const path = require.resolve(`idn-area-data/data/${file}`);
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== columns.length) throw new Error(`${file}: unexpected line "${line}"`);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i].trim()]));
  });
}

/** Official names are upper case; show them as people write them ("Kota Balikpapan"), keeping DKI/DI acronyms. */
export function displayName(officialName: string): string {
  const keepUpper = new Set(['DKI', 'DI']);
  return officialName
    .toLowerCase()
    .split(' ')
    .map((word) => (keepUpper.has(word.toUpperCase()) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

export interface ReferenceData {
  provinces: Province[];
  regions: RegionReference[];
}

export function loadReferenceData(): ReferenceData {
  const provinces = readAreaCsv('provinces.csv').map((row) => {
    const timeZone = timeZoneOfProvince(row.code);
    return Object.assign(new Province(), { code: row.code, name: displayName(row.name), timeZone, ianaZone: IANA_ZONE[timeZone] });
  });
  const regions = readAreaCsv('regencies.csv').map((row) => {
    const region = describeRegion(row.code, row.province_code, row.name);
    return { ...region, name: displayName(region.name) };
  });
  return { provinces, regions };
}

/** Inserts or refreshes the 38 provinces and 514 regencies/cities; running it again changes nothing. */
export async function seedReferenceData(dataSource: DataSource): Promise<{ provinces: number; regions: number }> {
  const { provinces, regions } = loadReferenceData();
  await dataSource.transaction(async (manager) => {
    await manager.upsert(Province, provinces, ['code']);
    await manager.upsert(
      Region,
      regions.map((r) => ({ ...r, ianaZone: IANA_ZONE[r.timeZone] })),
      ['code'],
    );
  });
  return { provinces: provinces.length, regions: regions.length };
}
