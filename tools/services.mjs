// The suite's processes in start order: every app with a main, the gateway last (it waits for the others).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PORTS = { customers: 4001, campaigns: 4002, rewards: 4003, complaints: 4004, 'service-visits': 4005, gateway: 4000 };

export function services(root) {
  return readdirSync(join(root, 'apps'))
    .filter((name) => name !== 'gateway' && existsSync(join(root, 'apps', name, 'src', 'main.ts')))
    .sort();
}

export const mainOf = (root, name) => join(root, 'dist', 'apps', name, 'src', 'main.js');

/** Environment of the gateway: where each service listens. */
export function gatewayEnv(root) {
  const env = {};
  for (const name of services(root)) env[`${name.replace(/-/g, '_').toUpperCase()}_URL`] = `http://127.0.0.1:${PORTS[name]}`;
  return env;
}
