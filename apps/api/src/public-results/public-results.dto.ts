import { ApiProperty } from '@nestjs/swagger';

/** A data year whose KKP HAM results were made final by a decree, and so are public. */
export class PublicDecreedYear {
  @ApiProperty({ type: 'integer', example: 2025, description: 'The year the data describe (the award is given the year after)' }) dataYear: number;
  @ApiProperty({ type: 'integer', example: 2026, description: 'The award year' }) awardYear: number;
  @ApiProperty({ example: 'M.HH-03.HA.02.01.01/2026', description: 'The decree’s number, as recorded' }) decreeNumber: string;
  @ApiProperty({ format: 'date', example: '2026-11-15', description: 'The decree’s date, as recorded' }) decreeDate: string;
}

export class PublicDecreedYears {
  @ApiProperty({ type: [PublicDecreedYear], description: 'Latest data year first; empty before the first decree' }) items: PublicDecreedYear[];
}

export class PublicDecree {
  @ApiProperty({ example: 'M.HH-03.HA.02.01.01/2026' }) number: string;
  @ApiProperty({ format: 'date', example: '2026-11-15' }) date: string;
}

/** A regency's or city's result: its band only (no scores, no evidence, no people). */
export class PublicRegionBand {
  @ApiProperty({ example: '64.71' }) code: string;
  @ApiProperty({ example: 'Kota Balikpapan' }) name: string;
  @ApiProperty({ example: '64' }) provinceCode: string;
  @ApiProperty({ example: 'Kalimantan Timur' }) provinceName: string;
  @ApiProperty({ example: 'PEDULI', description: 'The band (category) of the decree' }) band: string;
}

export class PublicBandCount {
  @ApiProperty({ example: 'PEDULI' }) band: string;
  @ApiProperty({ type: 'integer', example: 3 }) count: number;
}

/** How a province's rated regencies and cities fall into the bands. */
export class PublicProvinceShare {
  @ApiProperty({ example: '64' }) code: string;
  @ApiProperty({ example: 'Kalimantan Timur' }) name: string;
  @ApiProperty({ type: 'integer', example: 10, description: 'Regencies and cities with a result' }) rated: number;
  @ApiProperty({ type: [PublicBandCount], description: 'One entry per band, in the order of `bands`, zero counts included' }) counts: PublicBandCount[];
}

export class PublicYearResults {
  @ApiProperty({ type: 'integer', example: 2025 }) dataYear: number;
  @ApiProperty({ type: 'integer', example: 2026 }) awardYear: number;
  @ApiProperty({ type: PublicDecree }) decree: PublicDecree;
  @ApiProperty({ type: [String], example: ['PEDULI', 'CUKUP_PEDULI', 'MULAI_PEDULI', 'KURANG_PEDULI'], description: 'The bands, highest first' })
  bands: string[];
  @ApiProperty({ type: [PublicRegionBand], description: 'Every regency and city with a result, by province then code' }) regions: PublicRegionBand[];
  @ApiProperty({ type: [PublicProvinceShare], description: 'Every province with a result, by code' }) provinces: PublicProvinceShare[];
}

export class PublicRegionYear {
  @ApiProperty({ type: 'integer', example: 2025 }) dataYear: number;
  @ApiProperty({ type: 'integer', example: 2026 }) awardYear: number;
  @ApiProperty({ example: 'PEDULI' }) band: string;
  @ApiProperty({ type: PublicDecree }) decree: PublicDecree;
}

/** A regency's or city's bands across the decreed years it has a result for. */
export class PublicRegionHistory {
  @ApiProperty({ example: '64.71' }) code: string;
  @ApiProperty({ example: 'Kota Balikpapan' }) name: string;
  @ApiProperty({ example: '64' }) provinceCode: string;
  @ApiProperty({ example: 'Kalimantan Timur' }) provinceName: string;
  @ApiProperty({ type: [PublicRegionYear], description: 'Latest data year first; empty when it has no decreed result yet' }) years: PublicRegionYear[];
}
