import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const tool = join(__dirname, '..', '..', 'tools', 'lock-platform-binaries.mjs');

describe('package-lock.json', () => {
  it('records every platform binary, so a clean `npm ci` accepts it', () => {
    const result = spawnSync(process.execPath, [tool, '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
