/**
 * The one image every service runs: checked by reading the Dockerfile (no Docker engine is needed).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoProblems, readText, ROOT } from './support';

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions with line continuations joined and comments dropped, grouped by stage. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!op) continue;
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [image, , name] = args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      const from = image.replace(/\$\{?(\w+)\}?/g, (_, v: string) => globalArgs[v] ?? '');
      stages.push({ from, name, instructions: [] });
    } else if (upper === 'ARG' && !stages.length) {
      const [name, value = ''] = args.split('=');
      globalArgs[name] = value.replace(/^["']|["']$/g, '');
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push({ op: upper, args });
    }
  }
  return stages;
}

const dockerfile = readText('Dockerfile');
const stages = parseDockerfile(dockerfile);
const runtime = stages[stages.length - 1];
const inRuntime = (op: string) => runtime?.instructions.filter((i) => i.op === op) ?? [];
const runCommands = stages
  .flatMap((s) => s.instructions)
  .filter((i) => i.op === 'RUN')
  .map((i) => i.args)
  .join('\n');

describe('Dockerfile', () => {
  it('is multi-stage (dependencies, build, runtime) on a current Node LTS image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const names = new Set(stages.map((s) => s.name));
    const problems = stages
      .filter((s) => !names.has(s.from))
      .filter((s) => !/^node:(22|24)([.-]|$)/.test(s.from))
      .map(
        (s) =>
          `stage ${s.name ?? '(unnamed)'} is FROM "${s.from}", expected node:22 or node:24 (current LTS)`,
      );
    expectNoProblems(problems);
  });

  it('runs a Node that package.json "engines" accepts, and engines asks what the dependencies need', () => {
    const engines: string = JSON.parse(readText('package.json')).engines.node;
    const floor = Number(/^>=(\d+)/.exec(engines)?.[1]);
    const images = stages.filter((s) => !new Set(stages.map((x) => x.name)).has(s.from)).map((s) => Number(/^node:(\d+)/.exec(s.from)?.[1]));
    expect(images.every((major) => major >= floor)).toBe(true);
    // The strictest "engines" among the installed packages (file-type, cookie, content-disposition ask for 22).
    const lock = JSON.parse(readText('package-lock.json')).packages as Record<string, { engines?: { node?: string } }>;
    const needed = Math.max(...Object.values(lock).map((p) => Number(/^>=\s*(\d+)/.exec(p.engines?.node ?? '')?.[1] ?? 0)));
    expect(floor).toBeGreaterThanOrEqual(needed);
  });

  it('runs as a non-root user', () => {
    const user = inRuntime('USER').pop()?.args.trim();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('sets NODE_ENV=production in the runtime stage', () => {
    expect(
      inRuntime('ENV')
        .map((i) => i.args)
        .join('\n'),
    ).toMatch(/NODE_ENV[= ]+"?production"?/);
  });

  it('has a HEALTHCHECK on /health using node (slim images have no curl)', () => {
    const check = inRuntime('HEALTHCHECK').pop()?.args ?? '';
    expect(check).toMatch(/\/health\b/);
    expect(check).not.toMatch(/\/health\/live/);
    expect(check).toMatch(/\bnode\b/);
    expect(check).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts the service named by SERVICE', () => {
    const start = [...inRuntime('ENTRYPOINT'), ...inRuntime('CMD')].map((i) => i.args).join(' ');
    expect(start).toMatch(/dist\/apps\/"?\$\{?SERVICE\b[^/]*\/src\/main\.js/);
  });

  it('installs production dependencies only in the runtime image', () => {
    expect(runCommands).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(
      inRuntime('RUN')
        .map((i) => i.args)
        .join('\n'),
    ).not.toMatch(/npm (ci|install)\b/);
  });

  it('builds with a script package.json actually has', () => {
    const scripts = JSON.parse(readText('package.json')).scripts ?? {};
    const used = [...runCommands.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expectNoProblems(
      used
        .filter((s) => !scripts[s])
        .map((s) => `Dockerfile runs \`npm run ${s}\` but package.json has no "${s}" script`),
    );
  });

  it('copies only files that exist (or that the build creates)', () => {
    const copies = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.op === 'COPY' && /--from=build\b/.test(i.args));
    const problems = copies
      .map((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))[0]
          .replace(/^\/app\//, ''),
      )
      .filter((src) => !/^(dist|node_modules)(\/|$)/.test(src) && !existsSync(join(ROOT, src)))
      .map(
        (src) =>
          `the runtime image copies ${src}, which is not in the repository (the build does not create it: commit it)`,
      );
    expectNoProblems(problems);
  });

  it('has the tool the migration runs (dist/tools/migrate.js comes from tools/migrate.ts)', () => {
    expect(existsSync(join(ROOT, 'tools', 'migrate.ts'))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const ignored = readText('.dockerignore')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it.each(['node_modules', 'dist', '.git', 'tmp', 'coverage'])('excludes %s', (entry) => {
    expect(ignored.some((l) => l.replace(/^(\*\*\/|\/)/, '').replace(/\/$/, '') === entry)).toBe(true);
  });

  it('keeps what the build needs', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'apps',
      'libs',
      'tools',
      '.swcrc',
      'tsconfig.base.json',
      'tsconfig.json',
    ];
    expectNoProblems(
      needed
        .filter((n) => ignored.includes(n) || ignored.includes(`/${n}`))
        .map((n) => `.dockerignore excludes ${n}, which the build needs`),
    );
  });
});
