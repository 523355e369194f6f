import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ProcessMetrics } from '@peduli/runtime';
import type { Response } from 'express';
import { Public } from '../auth/principal';

/**
 * Prometheus scrape target of the API process. Like the health endpoints it sits outside /api/v1 and is meant for the
 * cluster's network, not for the public ingress.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ProcessMetrics) {}

  @Get()
  @Public()
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    response.type(contentType).send(body);
  }
}
