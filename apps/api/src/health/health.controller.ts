import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/principal';
import { LivenessView, ReadinessView } from './health.dto';
import { HealthService } from './health.service';

/** Probes for the orchestrator, outside /api/v1; kept in the document so monitoring can be generated from it too. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL and Redis answer. While Redis is down submissions are still accepted (the outbox keeps their
   * events), but the instance reports not ready so operators see the outage.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer' })
  @ApiOkResponse({ type: ReadinessView, description: 'Both answer' })
  @ApiServiceUnavailableResponse({ type: ReadinessView, description: 'One of them does not; `checks` says which and why' })
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.health.readiness();
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
