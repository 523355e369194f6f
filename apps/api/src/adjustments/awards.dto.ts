import { ApiProperty } from '@nestjs/swagger';

class BilingualText {
  @ApiProperty({ example: '5 dari 10 kabupaten/kota (50%) berpredikat PEDULI; minimal 60%.' }) id: string;
  @ApiProperty({ example: '5 of 10 regencies/cities (50%) are rated PEDULI; at least 60% is needed.' }) en: string;
}

export class PembinaReasonView {
  @ApiProperty({ enum: ['NO_REGENCIES', 'SHARE_BELOW_MINIMUM', 'RANHAM_BELOW_MINIMUM', 'RANHAM_NOT_AVAILABLE'] }) code: string;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
}

export class PembinaRuleView {
  @ApiProperty({ example: 60, description: 'The least share (percent) of regencies/cities in the band' }) minBandShare: number;
  @ApiProperty({ example: 'PEDULI' }) band: string;
  @ApiProperty({ type: Number, nullable: true, example: 80, description: 'The province’s own RANHAM yearly score of the data year it must reach, if the rules ask' })
  minRanhamYearlyScore: number | null;
}

export class ProvinceAwardView {
  @ApiProperty({ example: '64' }) provinceCode: string;
  @ApiProperty({ example: 'KALIMANTAN TIMUR' }) name: string;
  @ApiProperty({ description: 'Regencies/cities counted: all of the province’s' }) counted: number;
  @ApiProperty({ description: 'How many have a current score in the cycle' }) scored: number;
  @ApiProperty({ description: 'How many are rated in the rule’s band (PEDULI)' }) inBand: number;
  @ApiProperty({ example: 60, description: 'inBand / counted in percent, 2 decimals' }) share: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Only read when the rule asks for it' }) ranhamYearlyScore: number | null;
  @ApiProperty({ description: 'Whether the province qualifies as pembina' }) qualifies: boolean;
  @ApiProperty({ type: [PembinaReasonView], description: 'Why not; empty when it qualifies' }) reasons: PembinaReasonView[];
}

export class CycleProvinces {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ type: 'integer', example: 2025 }) dataYear: number;
  @ApiProperty({ description: 'Whether the cycle’s decree is issued, making these results final' }) final: boolean;
  @ApiProperty({ type: PembinaRuleView }) rule: PembinaRuleView;
  @ApiProperty({ type: [ProvinceAwardView] }) provinces: ProvinceAwardView[];
}
