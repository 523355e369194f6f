import { DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from '@peduli/config';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { RegionsModule } from './regions/regions.module';
import { SubmissionsModule } from './submissions/submissions.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: 'api', pid: process.pid },
            formatters: { level: (label: string) => ({ level: label }) },
            // A caller's own request id is kept (if it is sane) so logs can be followed across systems.
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              response.setHeader('x-request-id', id);
              return id;
            },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (request) => request.url === '/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        InfrastructureModule.forRoot(config),
        HealthModule,
        RegionsModule,
        SubmissionsModule,
      ],
    };
  }
}
