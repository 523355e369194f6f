import type { ReminderWorkerConfig } from '@peduli/config';
import { MailTransport } from '@peduli/mail';
import { JobHandlers, JobName, noticeRecoveryHandlers, QueueName, QueueRegistry } from '@peduli/queue';
import type { WorkerContext } from '@peduli/worker-kit';
import { planPeriod } from './plan-period';
import { ReminderSender } from './send-reminders';

export const SWEEP_SCHEDULER_ID = 'reminders-sweep';

/** The sweep: a BullMQ job scheduler that sends whatever is due and unsent, whoever planned it and whenever. */
export async function scheduleSweep(queues: QueueRegistry, everyMs: number): Promise<void> {
  await queues
    .queue(QueueName.Reminders)
    .upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: everyMs }, { name: JobName.RemindersDue, data: {}, opts: { removeOnComplete: true, removeOnFail: true } });
}

export function senderFor(config: ReminderWorkerConfig, context: Pick<WorkerContext<ReminderWorkerConfig>, 'dataSource'>, transport: MailTransport): ReminderSender {
  return new ReminderSender(context.dataSource, transport, {
    appUrl: config.APP_URL,
    leaseSeconds: config.REMINDER_LEASE_SECONDS,
    batchSize: config.REMINDER_BATCH_SIZE,
    concurrency: config.REMINDER_SMTP_CONCURRENCY,
    retryBaseMs: config.REMINDER_RETRY_BASE_MS,
    retryMaxMs: 3_600_000,
    maxAttempts: config.REMINDER_MAX_ATTEMPTS,
  });
}

/**
 * Planning on a changed deadline or policy, and sending on a timer, the sweep or a manual resend; and the recovery
 * sweep of notices a long SMTP outage (or a Redis that lost its data) left unsent.
 */
export async function reminderHandlers(context: WorkerContext<ReminderWorkerConfig>, transport: MailTransport): Promise<JobHandlers> {
  const sender = senderFor(context.config, context, transport);
  return {
    ...(await noticeRecoveryHandlers(context)),
    [JobName.RemindersPlanRequested]: async ({ periodId }) => planPeriod(context.dataSource, context.queues, periodId),
    [JobName.RemindersDue]: async ({ periodId }) => {
      const tally = await sender.sendDue({ periodId });
      for (const outcome of ['sent', 'failed', 'skipped', 'retrying'] as const) {
        if (tally[outcome] > 0) context.metrics.remindersDelivered.inc({ outcome }, tally[outcome]);
      }
      if (tally.nextRetryAt) {
        // A timer for the retries, so a transient SMTP failure does not wait for the next sweep.
        const at = Math.ceil(tally.nextRetryAt.getTime() / 1000) * 1000;
        await context.queues.add(QueueName.Reminders, JobName.RemindersDue, {}, {
          jobId: `reminders.retry.${at}`,
          delay: Math.max(0, at - Date.now()),
          removeOnComplete: true,
          removeOnFail: true,
        });
      }
      return tally;
    },
  };
}
