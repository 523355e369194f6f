import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { FrameworkFilesController } from './framework-files.controller';
import { FrameworkFilesService } from './framework-files.service';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';
import { RecalculationTrigger } from './recalculation-trigger.service';
import { RecalculationsController } from './recalculations.controller';
import { RecalculationsService } from './recalculations.service';
import { ReminderPolicyController } from './reminder-policy.controller';
import { ReminderPolicyService } from './reminder-policy.service';
import { WhatIfService } from './what-if.service';

@Module({
  imports: [CalendarModule],
  controllers: [FrameworksController, FrameworkFilesController, CyclesController, PeriodsController, ReminderPolicyController, RecalculationsController],
  providers: [
    FrameworksService,
    FrameworkFilesService,
    CyclesService,
    PeriodsService,
    ReminderPolicyService,
    RecalculationsService,
    RecalculationTrigger,
    WhatIfService,
  ],
})
export class FrameworksModule {}
