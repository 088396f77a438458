/** The master key of every test database (tests/setup/database-per-file.ts) and of the e2e server. */
export const TEST_MASTER_KEY = 'ZGF1eXMtdGVzdHMtbWFzdGVyLWtleS0zMi1ieXRlcyE=';
