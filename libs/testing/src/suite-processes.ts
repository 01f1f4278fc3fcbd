import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { scratchDatabase, ScratchDatabase } from './database';
import { dropRedisPrefix, scratchRedisPrefix, testRedisUrl } from './redis-keys';
import { INSERT_TEST_SIGNING_KEY, testJwksUrl } from './test-signing-key';

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The repository root: the first folder, walking up from `from`, that holds a package.json and an apps/
 * folder. Counting folders would not do: this file runs from libs/testing/src under Jest but from
 * dist/libs/testing/src under `node dist/...` (the benchmarks), and dist/ has apps/ but no package.json.
 */
export function findRepositoryRoot(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && isDirectory(join(dir, 'apps'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no folder above ${from} has a package.json and an apps/ folder`);
  }
}

const root = findRepositoryRoot();

/** Where `npm run build:js` puts an app's entry point. */
export const distMainOf = (app: string) => resolve(root, 'dist', 'apps', app, 'src', 'main.js');

/** A port nobody listens on right now (the OS picks it), so suites never collide with `npm start` or each other. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export interface RunningSuite {
  /** Base URL of the gateway: the suite's one public origin. */
  readonly gatewayUrl: string;
  /** Base URL of each service, for tests that compare with a direct call. */
  readonly serviceUrls: Readonly<Record<string, string>>;
  readonly db: ScratchDatabase;
  readonly redisPrefix: string;
  /** The last 20,000 characters a process wrote (stdout and stderr), for a failing test's message. */
  output(name: string): string;
  /** Waits until a process has written a line containing `text` (logs arrive asynchronously); returns the lines. */
  linesContaining(name: string, text: string, timeoutMs?: number): Promise<string[]>;
  stop(): Promise<void>;
}

export interface SuiteOptions {
  /** Services to start (their dist entry points), the gateway in front of them. */
  services: string[];
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /**
   * The migrated database to clone (default: the test run's template); `null` starts from an empty database
   * that each service migrates at start, as on a fresh machine.
   */
  template?: string | null;
  readyTimeoutMs?: number;
  /** Node options for every process, before the entry point (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /**
   * A folder (created if missing) where each process writes its stdout and stderr, as `<name>.log`, instead of
   * a pipe to this process: as a container runtime takes a service's output, so logging costs what it costs
   * in production and nothing here. `output` and `linesContaining` then read the file. The files are left in
   * place at `stop`; the folder is the caller's.
   */
  logDir?: string;
}

/** The last `chars` characters of a file, reading only its end (a benchmark's access log grows large). */
function tailOf(path: string, chars: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    // No character takes more than 4 bytes in UTF-8 (nor more than 3 per UTF-16 unit), so this many bytes hold
    // at least `chars` characters; a character cut at the start decodes as U+FFFD and falls outside the slice.
    const length = Math.min(size, chars * 4);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, size - length);
    return buffer.subarray(0, read).toString('utf8').slice(-chars);
  } finally {
    closeSync(fd);
  }
}

async function waitReady(url: string, child: ChildProcess, ms: number, name: string, output: () => string): Promise<void> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready at ${url} within ${ms} ms:\n${output()}`);
}

/**
 * The suite as ops run it: each service and then the gateway as separate Node processes from `dist/`
 * (built by `npm test`), on free ports, with a database and a Redis prefix of their own. Suite tests drive
 * it over HTTP only; the benchmarks (bench/run.ts) start it the same way from dist/, as deployed
 * (`env: { NODE_ENV: 'production', LOG_LEVEL: 'info' }`, `logDir`). `stop` drops the database and the Redis
 * prefix's keys.
 */
export async function startSuite(options: SuiteOptions): Promise<RunningSuite> {
  const logDir = options.logDir === undefined ? undefined : resolve(options.logDir);
  if (logDir) mkdirSync(logDir, { recursive: true });
  const template = options.template === null ? undefined : (options.template ?? process.env.TEST_TEMPLATE_DATABASE ?? 'crm_test_template');
  const db = await scratchDatabase(template);
  const redisPrefix = scratchRedisPrefix();
  const children = new Map<string, ChildProcess>();
  const outputs = new Map<string, string[]>();
  const readyMs = options.readyTimeoutMs ?? 60_000;
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    // Suite tests send hundreds of calls a minute from one address and one employee; the gateway's rate limits
    // are tested on their own (apps/gateway/src/edge), so here they stay on but out of reach.
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '1000000',
    ...options.env,
  };
  const logFileOf = (name: string) => join(logDir ?? '', `${name}.log`);
  const output = (name: string) =>
    logDir ? (children.has(name) ? tailOf(logFileOf(name), 20_000) : '') : (outputs.get(name) ?? []).join('').slice(-20_000);

  const launch = (name: string, port: number, env: Record<string, string>) => {
    const main = distMainOf(name);
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build:js\` first`);
    const args = ['--disable-warning=ExperimentalWarning', ...(options.nodeArgs ?? []), main];
    const spawnOptions = { cwd: root, env: { ...baseEnv, PORT: String(port), ...env } };
    let child: ChildProcess;
    if (logDir) {
      // The child gets its own copy of the descriptor; ours is closed at once.
      const fd = openSync(logFileOf(name), 'w');
      try {
        child = spawn(process.execPath, args, { ...spawnOptions, stdio: ['ignore', fd, fd] });
      } finally {
        closeSync(fd);
      }
    } else {
      child = spawn(process.execPath, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
      const lines: string[] = [];
      outputs.set(name, lines);
      child.stdout?.on('data', (chunk) => lines.push(String(chunk)));
      child.stderr?.on('data', (chunk) => lines.push(String(chunk)));
    }
    children.set(name, child);
    // A service that dies mid-test shows up as 502s far from its cause: say at once, with its last output.
    child.once('exit', (code, signal) => {
      if (!stopping) process.stderr.write(`${name} exited unexpectedly (code ${code}, signal ${signal}):\n${output(name)}\n`);
    });
    return child;
  };

  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(killer);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await db.drop();
    await dropRedisPrefix(redisPrefix);
  };

  try {
    const serviceUrls: Record<string, string> = {};
    const ports = new Map(await Promise.all(options.services.map(async (name) => [name, await freePort()] as const)));
    const urlOf = (name: string) => `http://127.0.0.1:${ports.get(name)}`;
    // Services verify tokens with the issuer's public keys: customers' when it runs here, else the test key's.
    baseEnv.AUTH_JWKS_URL = ports.has('customers') ? `${urlOf('customers')}/.well-known/jwks.json` : await testJwksUrl();
    const start = async (name: string) => {
      const child = launch(name, ports.get(name)!, {});
      await waitReady(urlOf(name), child, readyMs, name, () => output(name));
      serviceUrls[name] = urlOf(name);
    };
    if (template === undefined && ports.has('customers')) {
      // An empty database: customers migrates it and makes its own key; the test key joins it before any token
      // is checked, so `bearer()` tokens verify here too.
      await start('customers');
      await db.query(INSERT_TEST_SIGNING_KEY.sql, INSERT_TEST_SIGNING_KEY.params);
      await Promise.all(options.services.filter((name) => name !== 'customers').map(start));
    } else {
      await Promise.all(options.services.map(start));
    }
    const gatewayEnv: Record<string, string> = {};
    for (const [name, url] of Object.entries(serviceUrls)) gatewayEnv[`${name.toUpperCase().replace(/-/g, '_')}_URL`] = url;
    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const gateway = launch('gateway', gatewayPort, gatewayEnv);
    await waitReady(gatewayUrl, gateway, readyMs, 'gateway', () => output('gateway'));
    const linesContaining = async (name: string, text: string, timeoutMs = 3_000) => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const lines = output(name).split('\n').filter((line) => line.includes(text));
        if (lines.length || performance.now() > deadline) return lines;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    return { gatewayUrl, serviceUrls, db, redisPrefix, output, linesContaining, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
