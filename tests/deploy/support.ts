/**
 * Shared by the deployment checks: which services exist, what each one says it reads from its environment
 * (`main.js --describe-env`, from the built service itself, never a copied list), and YAML loading.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..');

// Parsed YAML is loosely typed on purpose: the checks below say what they expect of it.
export type Obj = Record<string, any>;

export interface EnvVariable {
  name: string;
  description: string;
  requiredInProduction: boolean;
  default?: unknown;
}

/** Services are the folders of apps/ that have an entry point (a folder still being written is skipped). */
export function discoverServices(): string[] {
  return readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'apps', d.name, 'src', 'main.ts')))
    .map((d) => d.name)
    .sort();
}

export const builtEntry = (service: string) => join(ROOT, 'dist', 'apps', service, 'src', 'main.js');

function newestSource(dir: string): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const compiled = /\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name);
    const found = entry.isDirectory()
      ? newestSource(path)
      : compiled
        ? { file: path, mtime: statSync(path).mtimeMs }
        : newest;
    if (found.mtime > newest.mtime) newest = found;
  }
  return newest;
}

/** Why dist/ must be (re)built for these services, or undefined when it is current. */
function staleReason(services: string[]): string | undefined {
  const missing = services.filter((s) => !existsSync(builtEntry(s)));
  if (missing.length) return `${missing.map((s) => relative(ROOT, builtEntry(s))).join(', ')} missing`;
  const oldestBuild = Math.min(...services.map((s) => statSync(builtEntry(s)).mtimeMs));
  const source = ['apps', 'libs', 'tools']
    .map((d) => newestSource(join(ROOT, d)))
    .sort((a, b) => b.mtime - a.mtime)[0];
  return source.mtime > oldestBuild ? `${relative(ROOT, source.file)} is newer than dist/` : undefined;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds dist/ only when an entry point is missing or older than the sources, so the checks read what the
 * services declare today, not a stale build. Jest runs spec files in parallel workers, so a lock directory in
 * tmp/ makes one worker build while the others wait.
 */
export function ensureBuilt(services: string[]): void {
  if (!services.length || !staleReason(services)) return;
  const lock = join(ROOT, 'tmp', 'deploy-tests-build.lock');
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  for (const start = Date.now(); ; sleep(250)) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const lockAge = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (lockAge > 10 * 60_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      if (Date.now() - start > 10 * 60_000)
        throw new Error(`Timed out waiting for another build (lock ${lock})`);
    }
  }
  try {
    const reason = staleReason(services); // another worker may have built meanwhile
    if (!reason) return;
    // `build:js` is the compile step of the project's build (`build` adds a type check of the whole repo and
    // the supergraph check, which are not what these checks need); plain swc when neither script exists.
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
    const script = ['build:js', 'build'].find((s) => scripts[s]);
    const [cmd, args] = script
      ? ['npm', ['run', script, '--silent']]
      : ['npx', ['swc', 'apps', 'libs', 'tools', '-d', 'dist', '--quiet']];
    try {
      execFileSync(cmd, args, { cwd: ROOT, stdio: 'pipe', timeout: 9 * 60_000 });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(
        `Building dist/ (${reason}) with \`${cmd} ${args.join(' ')}\` failed:\n${err.stderr ?? ''}${err.stdout ?? ''}${err.message}`,
      );
    }
    const still = staleReason(services);
    if (still?.includes('missing')) throw new Error(`\`${cmd} ${args.join(' ')}\` ran but ${still}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const described = new Map<string, EnvVariable[]>();

/** What `node dist/apps/<service>/src/main.js --describe-env` prints (call ensureBuilt first). */
export function describeEnv(service: string): EnvVariable[] {
  const cached = described.get(service);
  if (cached) return cached;
  let out: string;
  try {
    out = execFileSync(process.execPath, [builtEntry(service), '--describe-env'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 60_000,
      encoding: 'utf8',
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(
      `${service}: \`node ${relative(ROOT, builtEntry(service))} --describe-env\` failed:\n${err.stderr || err.message}`,
    );
  }
  let vars: EnvVariable[];
  try {
    vars = JSON.parse(out.slice(out.indexOf('[')));
  } catch {
    throw new Error(`${service}: --describe-env did not print a JSON array:\n${out}`);
  }
  if (
    !Array.isArray(vars) ||
    !vars.every((v) => typeof v?.name === 'string' && typeof v.requiredInProduction === 'boolean')
  ) {
    throw new Error(
      `${service}: --describe-env printed something other than [{ name, requiredInProduction, … }]:\n${out}`,
    );
  }
  described.set(service, vars);
  return vars;
}

export const requiredVariables = (service: string) =>
  describeEnv(service)
    .filter((v) => v.requiredInProduction)
    .map((v) => v.name);

/**
 * What the migration (dist/tools/migrate.js) needs: it runs `main.js --migrate` of every service but the
 * gateway, and each one validates its whole environment first.
 */
export const migrationVariables = (services: string[]) => [
  ...new Set(services.filter((s) => s !== 'gateway').flatMap(requiredVariables)),
];

/** The service's port: the default of its PORT variable. */
export function defaultPort(service: string): number {
  const port = describeEnv(service).find((v) => v.name === 'PORT');
  if (typeof port?.default !== 'number')
    throw new Error(`${service}: --describe-env has no PORT variable with a numeric default`);
  return port.default;
}

export const readText = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** YAML with anchors and `<<` merge keys resolved, as docker compose reads it. */
export const readYaml = (path: string): Obj => parse(readText(path), { merge: true, maxAliasCount: -1 });

export function readYamlDocuments(path: string): Obj[] {
  return parseAllDocuments(readText(path), { merge: true })
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as Obj;
    })
    .filter((doc) => doc != null);
}

/** Fails listing every problem at once, each naming its service and variable. */
export function expectNoProblems(problems: string[]): void {
  if (problems.length) throw new Error(`${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
}
