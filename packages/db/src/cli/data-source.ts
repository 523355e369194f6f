// Data source for the TypeORM CLI (migration:generate, migration:show). Reads DATABASE_URL.
import { createDataSource } from '../data-source';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/peduli');

export default createDataSource({ url, applicationName: 'peduli-cli' });
