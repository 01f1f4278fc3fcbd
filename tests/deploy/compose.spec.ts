/**
 * docker-compose.yml against what each service declares (`main.js --describe-env`): every service present,
 * built from the one Dockerfile, given every variable it requires, health-checked, started in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  defaultPort,
  describeEnv,
  discoverServices,
  ensureBuilt,
  expectNoProblems,
  migrationVariables,
  Obj,
  readYaml,
  requiredVariables,
  ROOT,
} from './support';

const services = discoverServices();
const compose = readYaml('docker-compose.yml');
const defs: Record<string, Obj> = compose.services ?? {};

const words = (v: unknown): string => (Array.isArray(v) ? v.join(' ') : String(v ?? ''));

function environmentOf(def: Obj): Record<string, string> {
  const env = def.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(env.map((e: string) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/** Variables from env_file entries; an env file holds secrets and is not committed, so its example is read. */
function envFileOf(name: string, def: Obj): { vars: Set<string>; problems: string[] } {
  const files = [def.env_file ?? []]
    .flat()
    .map((f: string | { path: string }) => (typeof f === 'string' ? f : f.path));
  const vars = new Set<string>();
  const problems: string[] = [];
  for (const file of files) {
    const example = [`${file}.example`, file.replace(/\.env$/, '.example.env')]
      .map((f) => join(ROOT, f))
      .find((f) => existsSync(f));
    if (!example)
      problems.push(`compose service "${name}": env_file ${file} has no committed example (${file}.example)`);
    else
      for (const line of readFileSync(example, 'utf8').split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=/.exec(line);
        if (m) vars.add(m[1]);
      }
  }
  return { vars, problems };
}

const interpolations = (value: string) =>
  [...value.matchAll(/\$\{(\w+)(:?[?-])?([^}]*)\}/g)].map(([, name, op]) => ({ name, op }));

/** The host a URL-valued variable points at (interpolations replaced so the URL parses). */
function hostOf(value: string): string | undefined {
  try {
    return new URL(value.replace(/\$\{[^}]*\}/g, 'x')).hostname || undefined;
  } catch {
    return undefined;
  }
}

const runsMigrations = (def: Obj) =>
  /dist\/tools\/migrate\.js/.test(`${words(def.entrypoint)} ${words(def.command)}`);
const migrateName = Object.keys(defs).find((n) => runsMigrations(defs[n]));

function builtFromTheDockerfile(def: Obj): boolean {
  if (!def.build) return false;
  const build = typeof def.build === 'string' ? { context: def.build } : def.build;
  const context = resolve(ROOT, build.context ?? '.');
  return context === ROOT && resolve(context, build.dockerfile ?? 'Dockerfile') === join(ROOT, 'Dockerfile');
}

const healthcheckOf = (def: Obj) => (def.healthcheck?.disable ? '' : words(def.healthcheck?.test));

function containerPorts(def: Obj): number[] {
  return (def.ports ?? []).map((p: string | number | Obj) =>
    typeof p === 'object' ? Number(p.target) : Number(String(p).split(':').pop()!.split('/')[0]),
  );
}

beforeAll(() => ensureBuilt(services), 10 * 60_000);

describe('docker-compose.yml', () => {
  it('has a service for every app in apps/ (with src/main.ts)', () => {
    expectNoProblems(services.length ? [] : ['no folder of apps/ has src/main.ts: nothing to check']);
    expectNoProblems(services.filter((s) => !defs[s]).map((s) => `apps/${s} has no compose service "${s}"`));
  });

  // With no service, the test above fails; describe.each would reject an empty table.
  if (services.length)
    describe.each(services)('service %s', (service) => {
      const def = defs[service] ?? {};
      const env = environmentOf(def);

      it('is built from the one Dockerfile and runs its app (SERVICE)', () => {
        const problems: string[] = [];
        if (!builtFromTheDockerfile(def))
          problems.push(
            `compose service "${service}" is not built from ./Dockerfile (build: { context: ., dockerfile: Dockerfile })`,
          );
        if (env.SERVICE !== service)
          problems.push(
            `compose service "${service}": SERVICE is "${env.SERVICE ?? ''}", expected "${service}"`,
          );
        expectNoProblems(problems);
      });

      it('sets every variable the service requires in production', () => {
        const fromFile = envFileOf(service, def);
        const problems = [...fromFile.problems];
        for (const name of requiredVariables(service)) {
          const value = env[name];
          if (value === undefined || value === '') {
            if (!fromFile.vars.has(name))
              problems.push(
                `compose service "${service}": ${name} (required in production) is not set in environment or env_file`,
              );
            continue;
          }
          for (const i of interpolations(value).filter((i) => !i.op)) {
            problems.push(
              `compose service "${service}": ${name} is empty when ${i.name} is unset; use \${${i.name}:?message}`,
            );
          }
        }
        if (env.NODE_ENV !== undefined && env.NODE_ENV !== 'production')
          problems.push(`compose service "${service}": NODE_ENV is "${env.NODE_ENV}", not production`);
        expectNoProblems(problems);
      });

      it('listens on its PORT default and is health-checked on /health (readiness)', () => {
        const port = defaultPort(service);
        expect(env.PORT).toBe(String(port)); // the healthcheck reads PORT from the environment
        const check = healthcheckOf(def);
        expect(check).toMatch(/\/health\b(?!\/)/);
        expect(check).toMatch(new RegExp(`process\\.env\\.PORT|\\$\\{?PORT\\b|:${port}\\b`));
        expectNoProblems(
          containerPorts(def)
            .filter((p) => p !== port)
            .map((p) => `compose service "${service}" publishes container port ${p}, but listens on ${port}`),
        );
      });

      it('starts after what it uses (depends_on with conditions)', () => {
        const problems: string[] = [];
        if (Array.isArray(def.depends_on))
          problems.push(
            `compose service "${service}": depends_on is a list, which waits for container start only; use the map form with conditions`,
          );
        const deps: Obj = Array.isArray(def.depends_on) ? {} : (def.depends_on ?? {});
        const want = (target: string, condition: string, why: string) => {
          if (deps[target]?.condition !== condition)
            problems.push(
              `compose service "${service}" must depend on ${target} with condition ${condition} (${why})`,
            );
        };
        for (const [name, value] of Object.entries(env)) {
          const host = hostOf(value);
          if (host && host !== service && defs[host]) want(host, 'service_healthy', `${name} points at it`);
        }
        if (env.DATABASE_URL) {
          if (!migrateName) problems.push('compose has no service running node dist/tools/migrate.js');
          else want(migrateName, 'service_completed_successfully', 'the schema must be migrated first');
        }
        for (const [target, d] of Object.entries(deps)) {
          if (!d?.condition)
            problems.push(`compose service "${service}": depends_on ${target} has no condition`);
          else if (
            d.condition === 'service_healthy' &&
            !healthcheckOf(defs[target] ?? {}) &&
            !builtFromTheDockerfile(defs[target] ?? {})
          ) {
            problems.push(
              `compose service "${service}" waits for ${target} to be healthy, but ${target} has no healthcheck`,
            );
          }
        }
        expectNoProblems(problems);
      });
    });

  it('runs only apps that exist and publishes only the gateway (one public origin)', () => {
    const problems: string[] = [];
    for (const [name, def] of Object.entries(defs)) {
      const app = environmentOf(def).SERVICE;
      if (app && !existsSync(join(ROOT, 'apps', app)))
        problems.push(`compose service "${name}" runs SERVICE=${app}, but apps/${app} does not exist`);
      if (containerPorts(def).length && name !== 'gateway')
        problems.push(`compose service "${name}" publishes ports; only the gateway should`);
    }
    if (services.includes('gateway') && !containerPorts(defs.gateway ?? {}).includes(defaultPort('gateway')))
      problems.push('the gateway does not publish its port');
    expectNoProblems(problems);
  });

  it('commits no secret: secret variables and URL passwords are required interpolations (${VAR:?…})', () => {
    const required = /^\$\{\w+:?\?[^}]*\}$/;
    const problems: string[] = [];
    for (const [service, def] of Object.entries(defs)) {
      for (const [name, value] of Object.entries(environmentOf(def))) {
        if (/SECRET|PASSWORD|TOKEN|PRIVATE_KEY/.test(name) && !required.test(value))
          problems.push(`compose service "${service}": ${name} must be \${${name}:?…}, not "${value}"`);
        const password = /^[a-z][\w+.-]*:\/\/[^:@/]+:(.+)@[^@]+$/.exec(value)?.[1];
        if (password && !required.test(password))
          problems.push(`compose service "${service}": ${name} carries a committed password`);
      }
    }
    expectNoProblems(problems);
  });

  describe('infrastructure', () => {
    const urlHost = (name: string, fallback: string) =>
      services
        .map((s) => environmentOf(defs[s] ?? {})[name])
        .map((v) => v && hostOf(v))
        .find(Boolean) ?? fallback;

    it('redis keeps queued jobs: noeviction (BullMQ) and append-only persistence, health-checked', () => {
      const redis = defs[urlHost('REDIS_URL', 'redis')] ?? {};
      expect(String(redis.image)).toMatch(/^redis:7/);
      const command = words(redis.command);
      expect(command).toMatch(/--maxmemory-policy\s+noeviction/);
      expect(command).toMatch(/--appendonly\s+yes/);
      expect(healthcheckOf(redis)).toMatch(/redis-cli\s+ping/);
      expect(redis.volumes?.length).toBeGreaterThan(0);
    });

    it('postgres 16 keeps its data in a volume and is health-checked with pg_isready', () => {
      const postgres = defs[urlHost('DATABASE_URL', 'postgres')] ?? {};
      expect(String(postgres.image)).toMatch(/^postgres:16/);
      expect(healthcheckOf(postgres)).toMatch(/pg_isready/);
      expect(postgres.volumes?.length).toBeGreaterThan(0);
    });

    it('migrate runs once, from the same image, after postgres is healthy', () => {
      expect(migrateName).toBeDefined();
      const migrate = defs[migrateName!];
      expect(builtFromTheDockerfile(migrate)).toBe(true);
      expect(['no', 'on-failure', undefined]).toContain(migrate.restart);
      const env = environmentOf(migrate);
      const fromFile = envFileOf(migrateName!, migrate);
      expectNoProblems([
        ...fromFile.problems,
        ...migrationVariables(services)
          .filter((name) => !env[name] && !fromFile.vars.has(name))
          .map(
            (name) =>
              `compose service "${migrateName}": ${name} is not set (each service's --migrate validates its environment)`,
          ),
      ]);
      expect(env.DATABASE_URL).toBeTruthy();
      const postgres = hostOf(environmentOf(migrate).DATABASE_URL) ?? 'postgres';
      expect(migrate.depends_on?.[postgres]?.condition).toBe('service_healthy');
    });
  });

  it('describes every service it checks (sanity of --describe-env)', () => {
    for (const service of services) expect(describeEnv(service).map((v) => v.name)).toContain('PORT');
  });
});
