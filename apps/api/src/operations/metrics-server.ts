import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig, metricsPort } from '@peduli/config';
import { HealthServer, ProcessMetrics, startMetricsServer } from '@peduli/runtime';
import { API_CONFIG } from '../infrastructure/tokens';

/**
 * The API's Prometheus endpoint, on METRICS_PORT rather than the API port: the ingress publishes the API port, and a
 * scrape target there would let anyone read the system's internals and make it count tables at will.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: HealthServer;

  constructor(
    private readonly metrics: ProcessMetrics,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = await startMetricsServer({ port: metricsPort(this.config), host: this.config.METRICS_HOST, metrics: this.metrics });
    this.logger.log({ url: this.url, msg: 'metrics listening' });
  }

  /** Port the endpoint listens on (the chosen one when METRICS_PORT is 0 or unset outside production). */
  get port(): number {
    if (!this.server) throw new Error('the metrics server has not started');
    return this.server.port;
  }

  get url(): string {
    const host = this.config.METRICS_HOST === '0.0.0.0' ? 'localhost' : this.config.METRICS_HOST;
    return `http://${host}:${this.port}/metrics`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }
}
