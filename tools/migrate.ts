/**
 * Runs every service's migrations (creating the database when missing): the compose `migrate` service and
 * `npm start` call this as dist/tools/migrate.js. Each service owns its migrations, so this only asks each
 * service's own entry point (`main.js --migrate`) in turn.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const distApps = resolve(__dirname, '..', 'apps');

for (const service of readdirSync(distApps).sort()) {
  const main = join(distApps, service, 'src', 'main.js');
  if (service === 'gateway' || !existsSync(main)) continue;
  const result = spawnSync(process.execPath, [main, '--migrate'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`migrations of ${service} failed\n`);
    process.exit(result.status ?? 1);
  }
}
