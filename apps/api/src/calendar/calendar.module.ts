import { Module } from '@nestjs/common';
import { InternalDeadlinesController } from './internal-deadlines.controller';
import { MilestonesController } from './milestones.controller';
import { ReminderPlanning } from './reminder-planning.service';
import { RemindersController } from './reminders.controller';

/** The reporting calendar beyond periods (KKP HAM milestones, coordinators' internal deadlines) and the reminder ledger. */
@Module({
  controllers: [MilestonesController, InternalDeadlinesController, RemindersController],
  providers: [ReminderPlanning],
  exports: [ReminderPlanning],
})
export class CalendarModule {}
