import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class DependencyCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class ReadinessChecksView {
  @ApiProperty({ type: DependencyCheckView }) database: DependencyCheckView;
  @ApiProperty({ type: DependencyCheckView }) redis: DependencyCheckView;
}

export class ReadinessView {
  @ApiProperty({ enum: ['ok', 'error'], description: 'ok only when every dependency is up' }) status: 'ok' | 'error';
  @ApiProperty({ type: ReadinessChecksView }) checks: ReadinessChecksView;
}
