// Every migration, oldest first. Generate one with `npm run migration:generate -w @peduli/db -- src/migrations/Name`
// (DATABASE_URL pointing at a migrated database), read it, then add it here.
import { InitialSchema1795822573998 } from './1795822573998-InitialSchema';

export const MIGRATIONS = [InitialSchema1795822573998];
