import { DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from '@peduli/config';
import { LoggerModule } from 'nestjs-pino';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { appLogging } from './common/request-log';
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
        // The application's logs; request lines come from requestLog (app.factory).
        LoggerModule.forRoot(appLogging(config)),
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
