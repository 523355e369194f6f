import { scoringWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName } from '@peduli/queue';
import { startWorker } from '@peduli/worker-kit';
import { makeSubmissionScorer } from './score-submission';

startWorker({
  role: 'scoring-worker',
  queue: QueueName.Scoring,
  configSchema: scoringWorkerConfigSchema,
  handlers: (context) => ({ [JobName.SubmissionChecked]: makeSubmissionScorer(context) }),
});
