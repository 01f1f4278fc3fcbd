import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDatabase, dropDatabase, testServerUrl } from './database';

/** Overridable so two test runs on one machine (a developer's and CI's) never rebuild each other's template. */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE ?? 'crm_test_template';

/**
 * Once per test run: a database with every service's migrations applied, which each test file clones
 * (`CREATE DATABASE … TEMPLATE`) instead of migrating again. Migrations run through each service's own
 * entry point (`main.js --migrate`), so `npm test` builds first.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const distApps = join(root, 'dist', 'apps');
  await dropDatabase(TEMPLATE_DATABASE);
  await createDatabase(TEMPLATE_DATABASE);
  if (!existsSync(distApps)) return;
  for (const service of readdirSync(distApps).sort()) {
    const main = join(distApps, service, 'src', 'main.js');
    if (service === 'gateway' || !existsSync(main)) continue;
    const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', main, '--migrate'], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: testServerUrl(TEMPLATE_DATABASE), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`migrations of ${service} failed:\n${result.stderr}`);
  }
}
