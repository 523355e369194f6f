import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ApiConfig } from '@peduli/config';
import { dataSourceOptions } from '@peduli/db';
import { createRedisConnection, OutboxRelay, QueueRegistry, retryPolicyFrom } from '@peduli/queue';
import { blobStorageFromConfig } from '@peduli/storage';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { API_CONFIG, BLOB_STORAGE, REDIS_PRODUCER } from './tokens';

/** Starts the outbox sweep with the application and stops it (and Redis) on shutdown. */
@Injectable()
class InfrastructureLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly queues: QueueRegistry,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.close();
    this.redis.disconnect();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.DATABASE_URL,
            poolSize: 20,
            applicationName: 'peduli-api',
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          }),
        }),
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: REDIS_PRODUCER, useFactory: () => createRedisConnection(config.REDIS_URL, 'producer', 'api') },
        {
          provide: QueueRegistry,
          inject: [REDIS_PRODUCER],
          useFactory: (redis: Redis) => new QueueRegistry(redis, config.QUEUE_PREFIX, retryPolicyFrom(config)),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, QueueRegistry],
          useFactory: (dataSource: DataSource, queues: QueueRegistry) => {
            const logger = new Logger('OutboxRelay');
            return new OutboxRelay(
              dataSource,
              queues,
              { info: (obj, msg) => logger.log({ ...obj, msg }), warn: (obj, msg) => logger.warn({ ...obj, msg }) },
              { sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS },
            );
          },
        },
        { provide: BLOB_STORAGE, useFactory: () => blobStorageFromConfig(config) },
        InfrastructureLifecycle,
      ],
      exports: [API_CONFIG, REDIS_PRODUCER, QueueRegistry, OutboxRelay, BLOB_STORAGE],
    };
  }
}
