import { Inject, Injectable } from '@nestjs/common';
import { databaseCheck, HealthReport, redisCheck, runHealthChecks } from '@peduli/runtime';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_PRODUCER } from '../infrastructure/tokens';

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  /** Whether PostgreSQL and Redis answer. */
  readiness(): Promise<HealthReport> {
    return runHealthChecks({ database: databaseCheck(this.dataSource), redis: redisCheck(this.redis) });
  }
}
