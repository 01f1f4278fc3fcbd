import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const eslintBin = resolve(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

/**
 * Lints a probe as if it were the file at `path`, with the workspace's own config, the way `npm run lint`
 * does (a child process: ESLint loads its ES-module config with a dynamic import Jest's sandbox refuses).
 */
async function lintAs(path: string, code: string): Promise<Array<{ ruleId: string; severity: number }>> {
  const result = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  expect(result.stderr).not.toMatch(/will be skipped/);
  const [report] = JSON.parse(result.stdout);
  return report.messages.filter((m: { ruleId: string }) => m.ruleId === '@nx/enforce-module-boundaries');
}

/** The Nx module-boundary rule is what keeps services apart: an app may use libraries, never another app. */
describe('module boundaries', () => {
  // The rule skips itself without a cached project graph, as on a fresh clone; `npm run lint` makes one first.
  beforeAll(() => {
    spawnSync(process.execPath, [resolve(root, 'tools', 'project-graph.mjs')], { cwd: root, stdio: 'inherit' });
  });

  it('fails lint when one service imports another service\'s code', async () => {
    const messages = await lintAs('apps/customers/src/probe.ts', "import { SERVICES } from '../../gateway/src/routing/route-table';\nexport const probe = SERVICES;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0].severity).toBe(2);
  });

  it('fails lint when a service\'s production code uses the test harness', async () => {
    const messages = await lintAs('apps/customers/src/probe.ts', "import { bearer } from '@crm/testing';\nexport const probe = bearer;\n");
    expect(messages).toHaveLength(1);
  });

  it('lets a service use the platform libraries and the event catalogue', async () => {
    const messages = await lintAs('apps/customers/src/probe.ts', "import { Clock } from '@crm/clock';\nimport { queueFor } from '@crm/events';\nexport const probe = [Clock, queueFor];\n");
    expect(messages).toEqual([]);
  });

  it('keeps platform libraries free of the event library', async () => {
    const messages = await lintAs('libs/platform/http/src/probe.ts', "import { queueFor } from '@crm/events';\nexport const probe = queueFor;\n");
    expect(messages).toHaveLength(1);
  });
});
