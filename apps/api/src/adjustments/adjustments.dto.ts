import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The largest value any adjustment takes: a count of units (e.g. complaints), or points on a 0-100 score. */
export const MAX_ADJUSTMENT_VALUE = 10_000;

export class SetAdjustmentBody {
  @ApiProperty({ example: 3, description: 'Units when the rule has points per unit (e.g. complaints), otherwise points (0-100). Above the cap is kept and capped when scored.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_ADJUSTMENT_VALUE)
  value: number;

  @ApiProperty({ example: 'Aksi HAM 2025 reports verified complete by the Panitia Nasional' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
  @ApiProperty({ example: 'Berita acara verifikasi Panitia Nasional 12/2025', description: 'Where the value comes from' }) @IsString() @MinLength(2) @MaxLength(500) source: string;
}

export class RemoveAdjustmentBody {
  @ApiProperty({ example: 'Entered on the wrong report' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

/** An adjustment of one submission after a change, and whether the submission is being rescored. */
export class AdjustmentChange {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ example: 'AKSI_HAM_BONUS' }) code: string;
  @ApiProperty({ enum: ['BONUS', 'PENALTY'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The value in force; null after a removal' }) value: number | null;
  @ApiProperty({ description: 'Signed points it will add to the total once rescored, after the cap' }) points: number;
  @ApiProperty() cap: number;
  @ApiProperty() capped: boolean;
  @ApiProperty() reason: string;
  @ApiProperty() source: string;
  @ApiProperty({ description: 'False when the same value and source were already recorded: nothing changed, nothing is rescored' }) changed: boolean;
}

export class AksiHamBonusSubject {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ example: '64.71' }) regionCode: string;
  @ApiProperty({ example: 'AKSI_HAM_BONUS' }) code: string;
  @ApiProperty({ example: 85, description: 'The regency/city’s RANHAM yearly score of the data year (0 when it reported nothing)' }) yearlyScore: number;
  @ApiProperty({ example: 5, description: 'The value set: points from the rule’s bands' }) value: number;
  @ApiProperty() changed: boolean;
}

export class AksiHamBonusRun {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: 'integer', example: 2025, description: 'The RANHAM year read' }) dataYear: number;
  @ApiProperty({ type: [AksiHamBonusSubject] }) subjects: AksiHamBonusSubject[];
  @ApiProperty({ description: 'How many submissions got a new value (and are rescored)' }) changed: number;
}
