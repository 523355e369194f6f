import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function testServiceUrls(): { postgres: string; redis: string } {
  const postgres = process.env.PEDULI_TEST_PG_URL;
  const redis = process.env.PEDULI_TEST_REDIS_URL;
  if (!postgres || !redis) {
    throw new Error('Test services are not set up: run the suite through Jest with the devservices global setup');
  }
  return { postgres, redis };
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createEmptyDatabase(prefix = 'peduli_t'): Promise<TestDatabase> {
  const serverUrl = testServiceUrls().postgres;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A unique BullMQ key prefix, so test files can share one Redis without seeing each other's jobs. */
export function uniqueQueuePrefix(label = 'test'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}
