import { reminderWorkerConfigSchema } from '@peduli/config';
import { EmailLedger } from '@peduli/db';
import { MailTransport } from '@peduli/mail';
import { JobName, QueueName } from '@peduli/queue';
import { startWorker } from '@peduli/worker-kit';
import { makeNotifier } from './notify-submission';

let transport: MailTransport | null = null;

startWorker({
  role: 'reminder-worker',
  queue: QueueName.Reminders,
  configSchema: reminderWorkerConfigSchema,
  handlers: (context) => {
    transport = new MailTransport(context.config.SMTP_URL, context.config.MAIL_FROM);
    const notifier = makeNotifier(context, transport, new EmailLedger(context.dataSource));
    return {
      [JobName.SubmissionScored]: notifier.scored,
      [JobName.SubmissionCheckFailed]: notifier.checkFailed,
    };
  },
  extraChecks: () => ({ smtp: async () => transport?.verify() }),
  onShutdown: async () => transport?.close(),
});
