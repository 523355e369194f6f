import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { databaseCheck, redisCheck, runHealthChecks } from '@peduli/runtime';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/principal';
import { REDIS_PRODUCER } from '../infrastructure/tokens';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse()
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL and Redis answer. While Redis is down submissions are still accepted (the outbox keeps their
   * events), but the instance reports not ready so operators see the outage.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer' })
  @ApiOkResponse()
  @ApiServiceUnavailableResponse()
  async ready(@Res() response: Response) {
    const report = await runHealthChecks({ database: databaseCheck(this.dataSource), redis: redisCheck(this.redis) });
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
