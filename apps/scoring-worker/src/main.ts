import { scoringWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName, scoreRecoveryHandlers } from '@peduli/queue';
import { startWorker } from '@peduli/worker-kit';
import { FrameworkScorers } from './framework-scorers';
import { makeRecalculationBatchScorer, makeRecalculationFinisher, makeRecalculationPlanner, makeRecalculationSubjectScorer } from './recalculation';
import { makeSubmissionScorer } from './score-submission';

startWorker({
  role: 'scoring-worker',
  queue: QueueName.Scoring,
  configSchema: scoringWorkerConfigSchema,
  handlers: async (context) => {
    const scorers = new FrameworkScorers();
    return {
      // Checked or verified submissions a long outage left unscored are queued again.
      ...(await scoreRecoveryHandlers(context)),
      [JobName.SubmissionChecked]: makeSubmissionScorer(context, scorers),
      [JobName.SubmissionVerified]: makeSubmissionScorer(context, scorers),
      [JobName.RecalculationRequested]: makeRecalculationPlanner(context),
      [JobName.RecalculationSubject]: makeRecalculationSubjectScorer(context, scorers),
      [JobName.RecalculationBatch]: makeRecalculationBatchScorer(context, scorers),
      [JobName.RecalculationFinish]: makeRecalculationFinisher(context),
    };
  },
});
