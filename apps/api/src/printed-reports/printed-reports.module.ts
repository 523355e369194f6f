import { Module } from '@nestjs/common';
import { PrintedReportsController } from './printed-reports.controller';
import { PrintedReportsRepository } from './printed-reports.repository';
import { PrintedReportsService } from './printed-reports.service';

@Module({
  controllers: [PrintedReportsController],
  providers: [PrintedReportsRepository, PrintedReportsService],
})
export class PrintedReportsModule {}
