import { documentWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName } from '@peduli/queue';
import { LocalDiskStorage } from '@peduli/storage';
import { startWorker } from '@peduli/worker-kit';
import { makeSubmissionChecker } from './check-submission';

startWorker({
  role: 'document-worker',
  queue: QueueName.Documents,
  configSchema: documentWorkerConfigSchema,
  handlers: (context) => ({
    [JobName.SubmissionSubmitted]: makeSubmissionChecker(context, new LocalDiskStorage(context.config.STORAGE_DIR)),
  }),
});
