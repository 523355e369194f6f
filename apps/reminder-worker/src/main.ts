import { reminderWorkerConfigSchema } from '@peduli/config';
import { EmailLedger } from '@peduli/db';
import { MailTransport } from '@peduli/mail';
import { JobName, QueueName } from '@peduli/queue';
import { startWorker } from '@peduli/worker-kit';
import { makeAccountMailer } from './account-mail';
import { makeNotifier } from './notify-submission';
import { reminderHandlers, scheduleSweep } from './reminder-jobs';

let transport: MailTransport | null = null;

startWorker({
  role: 'reminder-worker',
  queue: QueueName.Reminders,
  configSchema: reminderWorkerConfigSchema,
  // Each SMTP lane records its delivery as soon as the server accepts it; it should not queue for a connection.
  extraConnections: (config) => config.REMINDER_SMTP_CONCURRENCY,
  handlers: async (context) => {
    const { config } = context;
    transport = new MailTransport(config.SMTP_URL, config.MAIL_FROM, config.REMINDER_SMTP_CONCURRENCY);
    const ledger = new EmailLedger(context.dataSource, config.REMINDER_LEASE_SECONDS);
    const notifier = makeNotifier(context, transport, ledger);
    await scheduleSweep(context.queues, config.REMINDER_SWEEP_INTERVAL_MS);
    return {
      [JobName.SubmissionScored]: notifier.scored,
      [JobName.SubmissionCheckFailed]: notifier.checkFailed,
      [JobName.AccountMailRequested]: makeAccountMailer(context, transport, ledger),
      ...(await reminderHandlers(context, transport)),
    };
  },
  extraChecks: () => ({ smtp: async () => transport?.verify() }),
  onShutdown: async () => transport?.close(),
});
