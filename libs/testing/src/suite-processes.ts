import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { scratchDatabase, scratchRedisPrefix, ScratchDatabase, testRedisUrl } from './database';
import { TEST_JWT_SECRET } from './service-app';

const root = resolve(__dirname, '..', '..', '..');

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
  /** Everything a process wrote, for a failing test's message. */
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
 * it over HTTP only.
 */
export async function startSuite(options: SuiteOptions): Promise<RunningSuite> {
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
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const output = (name: string) => (outputs.get(name) ?? []).join('').slice(-20_000);

  const launch = (name: string, port: number, env: Record<string, string>) => {
    const main = distMainOf(name);
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build:js\` first`);
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', main], {
      cwd: root,
      env: { ...baseEnv, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    outputs.set(name, lines);
    child.stdout?.on('data', (chunk) => lines.push(String(chunk)));
    child.stderr?.on('data', (chunk) => lines.push(String(chunk)));
    children.set(name, child);
    return child;
  };

  const stop = async () => {
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
  };

  try {
    const serviceUrls: Record<string, string> = {};
    await Promise.all(
      options.services.map(async (name) => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const child = launch(name, port, {});
        await waitReady(url, child, readyMs, name, () => output(name));
        serviceUrls[name] = url;
      }),
    );
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
