import { scoringWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName } from '@peduli/queue';
import { runWorker } from '@peduli/worker-kit';
import { makeSubmissionScorer } from './score-submission';

void runWorker({
  role: 'scoring-worker',
  queue: QueueName.Scoring,
  configSchema: scoringWorkerConfigSchema,
  handlers: (context) => ({ [JobName.SubmissionChecked]: makeSubmissionScorer(context) }),
}).catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'scoring-worker', msg: 'failed to start', err: String(error) }));
  process.exit(1);
});
