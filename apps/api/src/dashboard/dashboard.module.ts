import { Module } from '@nestjs/common';
import { CompletenessModule } from '../completeness/completeness.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

@Module({ imports: [CompletenessModule], controllers: [DashboardController], providers: [DashboardService, DashboardRepository] })
export class DashboardModule {}
