import { Module } from '@nestjs/common';
import { QueueName, QueueRegistry, registerOperationalMetrics } from '@peduli/queue';
import { ProcessMetrics } from '@peduli/runtime';
import { DataSource } from 'typeorm';
import { MetricsServer } from './metrics-server';

/**
 * Metrics of the API process: HTTP latency, and the queues, outbox, reminders and recalculations of the whole system,
 * served on their own port (MetricsServer).
 */
@Module({
  providers: [
    MetricsServer,
    {
      provide: ProcessMetrics,
      inject: [DataSource, QueueRegistry],
      useFactory: (dataSource: DataSource, queues: QueueRegistry) => {
        const metrics = new ProcessMetrics('api');
        registerOperationalMetrics(metrics, { dataSource, queues, queueNames: Object.values(QueueName) });
        return metrics;
      },
    },
  ],
  exports: [ProcessMetrics, MetricsServer],
})
export class OperationsModule {}
