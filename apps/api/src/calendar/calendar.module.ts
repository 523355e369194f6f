import { Module } from '@nestjs/common';
import { InternalDeadlinesController } from './internal-deadlines.controller';
import { InternalDeadlinesService } from './internal-deadlines.service';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { ReminderPlanning } from './reminder-planning.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** The reporting calendar beyond periods (KKP HAM milestones, coordinators' internal deadlines) and the reminder ledger. */
@Module({
  controllers: [MilestonesController, InternalDeadlinesController, RemindersController],
  providers: [ReminderPlanning, MilestonesService, InternalDeadlinesService, RemindersService],
  exports: [ReminderPlanning],
})
export class CalendarModule {}
