import { documentWorkerConfigSchema, DocumentWorkerConfig } from '@peduli/config';
import { checkRecoveryHandlers, JobName, QueueName } from '@peduli/queue';
import { blobStorageFromConfig } from '@peduli/storage';
import { startWorker } from '@peduli/worker-kit';
import type { CheckSettings } from './checks';
import { makeSubmissionChecker } from './check-submission';
import { checkSettingsFrom } from './settings';

let settings: CheckSettings | undefined;
const settingsOf = (config: DocumentWorkerConfig) => (settings ??= checkSettingsFrom(config));

startWorker({
  role: 'document-worker',
  queue: QueueName.Documents,
  configSchema: documentWorkerConfigSchema,
  handlers: async (context) => ({
    [JobName.SubmissionSubmitted]: makeSubmissionChecker(
      context,
      blobStorageFromConfig(context.config),
      settingsOf(context.config),
    ),
    // Submissions a long outage left stuck in SUBMITTED/CHECKING are queued again, or returned to the unit.
    ...(await checkRecoveryHandlers(context)),
  }),
  // With antivirus configured, the worker is ready only while clamd answers PING.
  extraChecks: (context): Record<string, () => Promise<void>> => {
    const { clamd } = settingsOf(context.config);
    return clamd ? { clamd: () => clamd.ping() } : {};
  },
});
