import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@crm/testing';

/** A server the bench started itself, in a process of its own, on the same machine as the suite. */
export interface BenchProcess {
  url: string;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not healthy within 20 s:\n${output()}`);
}

/** Starts `dist/bench/<script>.js` with `env` and a free PORT, and waits for its /health. */
export async function startBenchProcess(script: string, env: Record<string, string>): Promise<BenchProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const main = resolve(__dirname, '..', `${script}.js`);
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  child.stdout?.on('data', (chunk) => lines.push(String(chunk)));
  child.stderr?.on('data', (chunk) => lines.push(String(chunk)));
  // Ctrl-C ends the bench with process.exit once the suite is cleaned up, before the benchmark's own
  // `finally` could stop this server: it goes down with the bench instead of living on as an orphan.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  const stop = () =>
    new Promise<void>((done) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(killer);
        done();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitHealthy(url, child, () => lines.join('').slice(-5000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
