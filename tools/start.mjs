// `npm start`: migrates and starts every service, then the gateway, against the local PostgreSQL and Redis,
// and stays in the foreground with every process's JSON log lines on stdout. Ctrl-C stops them all.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayEnv, mainOf, PORTS, services } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { NODE_ENV: 'development', ...process.env };
const children = [];

function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitHealthy(name, port, ms = 60_000) {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become healthy on port ${port}`);
}

function run(name, extraEnv) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', mainOf(root, name)], {
    cwd: root,
    env: { ...env, PORT: String(PORTS[name]), ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping the suite\n`);
      stopAll(1);
    }
  });
  children.push(child);
}

const migrated = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(root, 'dist', 'tools', 'migrate.js')], { cwd: root, env, stdio: 'inherit' });
if (migrated.status !== 0) process.exit(migrated.status ?? 1);

try {
  for (const name of services(root)) run(name, {});
  await Promise.all(services(root).map((name) => waitHealthy(name, PORTS[name])));
  run('gateway', gatewayEnv(root));
  await waitHealthy('gateway', PORTS.gateway);
  process.stdout.write(
    `\nThe suite is ready: http://localhost:${PORTS.gateway}/graphql and http://localhost:${PORTS.gateway}/api/v1 ` +
      `(REST docs at http://localhost:4000/api/docs). Get a token with: npm run token -- ADMIN\n\n`,
  );
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  stopAll(1);
}
