import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { TEST_MASTER_KEY } from '../support/test-master-key';

// Runs before each test file is imported: a fresh database copied from the migrated template,
// so files never see each other's rows and may run in parallel.
const adminUrl = inject('postgresAdminUrl');
const databaseName = `test_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${inject('templateDatabase')}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= 'test-secret-that-is-long-enough-for-hmac-signing';
process.env.DAUYS_MASTER_KEY ??= TEST_MASTER_KEY;
process.env.WORKER_IN_PROCESS = 'false';
