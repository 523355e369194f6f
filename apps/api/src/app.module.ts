import { DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from '@peduli/config';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { FrameworksModule } from './frameworks/frameworks.module';
import { ScoresModule } from './scores/scores.module';
import { PrintedReportsModule } from './printed-reports/printed-reports.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { CompletenessModule } from './completeness/completeness.module';
import { ExportsModule } from './exports/exports.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { AccountsModule } from './accounts/accounts.module';
import { UsersModule } from './users/users.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { RegionsModule } from './regions/regions.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { OperationsModule } from './operations/operations.module';
import { PublicResultsModule } from './public-results/public-results.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AssignmentsModule } from './assignments/assignments.module';

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
            timestamp: pino.stdTimeFunctions.isoTime,
            // The requestId middleware has already chosen the id.
            genReqId: (request) => (request as typeof request & { id?: string }).id ?? randomUUID(),
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        InfrastructureModule.forRoot(config),
        AuthModule.forRoot(config),
        HealthModule,
        RegionsModule,
        SubmissionsModule,
        OrganisationsModule,
        UsersModule,
        AccountsModule,
        ApiTokensModule,
        AuditModule,
        FrameworksModule,
        CompletenessModule,
        ScoresModule,
        PrintedReportsModule,
        AdjustmentsModule,
        ExportsModule,
        OperationsModule,
        PublicResultsModule,
        DashboardModule,
        AssignmentsModule,
      ],
    };
  }
}
