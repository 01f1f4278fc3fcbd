// Computes and caches the Nx project graph (.nx/workspace-data). The module-boundary lint rule reads that
// cache and, when it is missing (a fresh clone), silently skips itself; `npm run lint` and the boundary
// test run this first so the rule always applies.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
  cwd: root,
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
