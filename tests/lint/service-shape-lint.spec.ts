import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const eslintBin = resolve(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Lints a probe as if it were the file at `path`, with the workspace's config (as module-boundaries.spec.ts does). */
function lintAs(path: string, code: string): Array<{ ruleId: string; message: string }> {
  const result = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [report] = JSON.parse(result.stdout);
  return report.messages.filter((m: { ruleId: string }) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports');
}

/** Lint keeps the next feature in the one shape of architecture.md "Decisions of the second round". */
describe('lint: the one shape of a capability', () => {
  it('refuses a query in a service, and a DataSource of its own', () => {
    const messages = lintAs(
      'apps/complaints/src/complaints/probe.service.ts',
      "import { DataSource } from 'typeorm';\nexport class P { constructor(private readonly dataSource: DataSource) {}\n  run(tx: any) { return tx.query('SELECT 1'); }\n  all() { return this.dataSource.manager; } }\n",
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('lets a service hand a transaction to its repository', () => {
    const messages = lintAs(
      'apps/complaints/src/complaints/probe.service.ts',
      "import type { Tx } from '@crm/database';\nexport class P { constructor(private readonly repo: { save(tx: Tx): Promise<void> }) {}\n  run(tx: Tx) { return this.repo.save(tx); } }\n",
    );
    expect(messages).toEqual([]);
  });

  it('refuses role lists written on a route instead of the capability\'s policy', () => {
    const messages = lintAs(
      'apps/complaints/src/complaints/probe.controller.ts',
      "import { Roles, Role } from '@crm/auth';\nexport class P { @Roles(Role.ADMIN) run() { return 1; } }\n",
    );
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('@Allow(XPolicy.action)')]);
  });

  it('refuses a consumer that queries or reaches a repository instead of handing over', () => {
    const messages = lintAs(
      'apps/rewards/src/fines/probe.consumer.ts',
      "import { FinesRepository } from './fines.repository';\nexport const probe = (m: any) => [FinesRepository, m.query('SELECT 1')];\n",
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
  });

  it('refuses one capability reaching into another\'s resolver, models or controller', () => {
    for (const target of ['../meetings/meetings.resolver', '../meetings/meetings.models', '../meetings/meetings.controller', '../graphql/models']) {
      const messages = lintAs('apps/campaigns/src/sales/probe.ts', `import { X } from '${target}';\nexport const probe = X;\n`);
      expect(messages).toHaveLength(1);
    }
    expect(lintAs('apps/campaigns/src/sales/probe.ts', "import { X } from '../meetings/meetings.module';\nexport const probe = X;\n")).toEqual([]);
  });
});
