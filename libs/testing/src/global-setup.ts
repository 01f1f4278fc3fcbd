import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase, dropDatabase, testServerUrl } from './database';
import { INSERT_TEST_SIGNING_KEY } from './test-signing-key';
import { TEST_RUN_ENV } from './redis-keys';

/** Overridable so two test runs on one machine (a developer's and CI's) never rebuild each other's template. */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE ?? 'crm_test_template';

/**
 * Once per test run: a database with every service's migrations applied, which each test file clones
 * (`CREATE DATABASE … TEMPLATE`) instead of migrating again. Migrations run through each service's own
 * entry point (`main.js --migrate`), so `npm test` builds first.
 */
export default async function globalSetup(): Promise<void> {
  // Workers start after this and inherit it: every Redis prefix of this run carries it (global-teardown.ts).
  process.env[TEST_RUN_ENV] ??= randomBytes(3).toString('hex');
  const migrate = resolve(__dirname, '..', '..', '..', 'dist', 'tools', 'migrate.js');
  await dropDatabase(TEMPLATE_DATABASE);
  await createDatabase(TEMPLATE_DATABASE);
  if (!existsSync(migrate)) return;
  // The same command ops run (every service's `main.js --migrate`), aimed at the template.
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', migrate], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: testServerUrl(TEMPLATE_DATABASE), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrations of the test template failed:\n${result.stderr}`);
  // The customers service signs with the test key in every clone, so tests' own tokens and its tokens agree.
  const client = new Client({ connectionString: testServerUrl(TEMPLATE_DATABASE) });
  await client.connect();
  try {
    await client.query(INSERT_TEST_SIGNING_KEY.sql, INSERT_TEST_SIGNING_KEY.params);
  } finally {
    await client.end();
  }
}
