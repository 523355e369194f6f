import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind, Programme, REGION_CODE_PATTERN } from '@peduli/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

/** Whose assignments: a regency/city by `regionCode`, or a ministry or a province's Biro Hukum by `organisationId`. */
export class AssignmentsQuery {
  @ApiProperty({ format: 'uuid', description: 'The reporting cycle (a KKP HAM award year or a RANHAM year)' })
  @IsUUID('4')
  cycleId: string;

  @ApiPropertyOptional({ example: '64.71', description: 'The regency/city whose units are assigned; required unless `organisationId` is given' })
  @ValidateIf((body: AssignmentsQuery) => body.organisationId === undefined)
  @Matches(REGION_CODE_PATTERN, { context: { example: '64.71' } })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose units are assigned' })
  @IsOptional()
  @IsUUID('4')
  organisationId?: string;
}

export class AssignmentItemBody {
  @ApiProperty({ example: 'K1.S1', description: 'A KKP HAM indicator code, a RANHAM action code (all its measures) or a RANHAM measure code' })
  @IsString()
  @MaxLength(32)
  code: string;

  @ApiProperty({ type: [String], format: 'uuid', example: ['7d3c1a8e-2b4f-4c1d-9e6a-5f0b8c2d1e3a'], description: 'The units that answer it; an empty list assigns nothing' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  unitIds: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '7d3c1a8e-2b4f-4c1d-9e6a-5f0b8c2d1e3a',
    description: 'The unit whose answer settles a disagreement; defaults to the only unit, required when there are several',
  })
  @IsOptional()
  @IsUUID('4')
  leadUnitId?: string | null;
}

export class ReplaceAssignmentsBody extends AssignmentsQuery {
  @ApiProperty({ type: [AssignmentItemBody], description: 'The reporter’s whole set for the cycle: it replaces what was stored; an empty list clears it' })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => AssignmentItemBody)
  items: AssignmentItemBody[];
}

export class CopyForwardBody extends AssignmentsQuery {}

export class AssignmentReporterView {
  @ApiProperty({ type: String, nullable: true, example: '64.71', description: 'The regency/city; null for a ministry or a Biro Hukum' }) regionCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The ministry or the Biro Hukum; null for a regency/city' }) organisationId: string | null;
  @ApiProperty({ example: 'Kota Balikpapan' }) name: string;
}

export class AssignmentUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Dinas Sosial Kota Balikpapan' }) name: string;
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.OPD }) kind: OrganisationKind;
  @ApiProperty({ description: 'false: the unit was deactivated after it was assigned; it can no longer be assigned' }) active: boolean;
}

export class AssignableItemView {
  @ApiProperty({ example: 'AKSI-2025-01' }) code: string;
  @ApiProperty({ enum: ['INDICATOR', 'ACTION', 'MEASURE'], example: 'ACTION' }) kind: 'INDICATOR' | 'ACTION' | 'MEASURE';
  @ApiProperty({ example: 'Penyusunan Perwal tentang kota layak anak' }) text: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'A measure’s action; null for indicators and actions' }) parentCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'A measure’s period (e.g. B08); null for indicators and actions' }) periodCode: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The units assigned to the item itself (an action’s units also answer its measures)' }) unitIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The unit whose answer settles a disagreement; null when unassigned' }) leadUnitId: string | null;
}

export class AssignmentsView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ enum: Programme }) programme: Programme;
  @ApiProperty({ type: AssignmentReporterView }) reporter: AssignmentReporterView;
  @ApiProperty({ description: 'false: the reporter assigns nothing in this cycle, so every unit may answer everything' }) assigning: boolean;
  @ApiProperty({ type: [AssignmentUnitView], description: 'The reporter’s active units, then any deactivated unit still assigned' }) units: AssignmentUnitView[];
  @ApiProperty({ type: [AssignableItemView], description: 'Every assignable item of the cycle’s framework version, in its order (an action followed by its measures)' })
  items: AssignableItemView[];
  @ApiProperty({
    type: [String],
    example: ['AKSI-2025-02.B08.1'],
    description:
      'Answer codes (indicator or measure codes, over every period of the cycle) no unit covers; the list behind completeness’ unassignedItems. Every code while `assigning` is false.',
  })
  unassignedCodes: string[];
}

export class CopyForwardDropView {
  @ApiProperty({ example: 'AKSI-2025-03' }) code: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The unit dropped from the item; null when the whole item was dropped' }) unitId: string | null;
  @ApiProperty({ enum: ['ITEM_NOT_IN_VERSION', 'UNIT_INACTIVE'], description: 'ITEM_NOT_IN_VERSION: the cycle’s version no longer has the item; UNIT_INACTIVE: the unit was deactivated' })
  reason: 'ITEM_NOT_IN_VERSION' | 'UNIT_INACTIVE';
}

export class CopyForwardView extends AssignmentsView {
  @ApiProperty({ format: 'uuid', description: 'The earlier cycle the set was copied from' }) copiedFromCycleId: string;
  @ApiProperty({ type: [CopyForwardDropView], description: 'What was not carried over, and why' }) dropped: CopyForwardDropView[];
}
