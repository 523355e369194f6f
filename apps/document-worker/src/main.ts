import { documentWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName } from '@peduli/queue';
import { LocalDiskStorage } from '@peduli/storage';
import { runWorker } from '@peduli/worker-kit';
import { makeSubmissionChecker } from './check-submission';

void runWorker({
  role: 'document-worker',
  queue: QueueName.Documents,
  configSchema: documentWorkerConfigSchema,
  handlers: (context) => ({
    [JobName.SubmissionSubmitted]: makeSubmissionChecker(context, new LocalDiskStorage(context.config.STORAGE_DIR)),
  }),
}).catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'document-worker', msg: 'failed to start', err: String(error) }));
  process.exit(1);
});
