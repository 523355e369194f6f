import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CyclesController } from './cycles.controller';
import { FrameworksController } from './frameworks.controller';
import { PeriodsController } from './periods.controller';
import { ReminderPolicyController } from './reminder-policy.controller';
import { RecalculationTrigger } from './recalculation-trigger.service';
import { RecalculationsController } from './recalculations.controller';
import { WhatIfService } from './what-if.service';

@Module({
  imports: [CalendarModule],
  controllers: [FrameworksController, CyclesController, PeriodsController, ReminderPolicyController, RecalculationsController],
  providers: [RecalculationTrigger, WhatIfService],
})
export class FrameworksModule {}
