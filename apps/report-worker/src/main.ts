import { reportWorkerConfigSchema } from '@peduli/config';
import { JobName, QueueName } from '@peduli/queue';
import { blobStorageFromConfig } from '@peduli/storage';
import { startWorker } from '@peduli/worker-kit';
import { makeReportMaker } from './jobs/make-report';
import { makeCertificateRequester } from './jobs/request-certificates';

startWorker({
  role: 'report-worker',
  queue: QueueName.Reports,
  configSchema: reportWorkerConfigSchema,
  handlers: (context) => {
    const storage = blobStorageFromConfig(context.config);
    return {
      [JobName.ReportRequested]: makeReportMaker({ dataSource: context.dataSource, storage }),
      [JobName.CertificatesRequested]: makeCertificateRequester(context),
    };
  },
});
