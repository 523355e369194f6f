import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
  /**
   * Longest a single statement may run before PostgreSQL cancels it (SQLSTATE 57014), set on every pooled connection
   * at connect time. A runaway query then fails its request or job instead of holding a connection and its locks
   * indefinitely. Unset or 0: no limit, for migrations and seeds, which may legitimately rewrite whole tables.
   */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: false,
    applicationName: settings.applicationName ?? 'peduli',
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      // Sent in the startup packet, so it holds from the connection's first statement; SET LOCAL can still lift it.
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
