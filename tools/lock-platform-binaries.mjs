// Records every platform's optional native binary in package-lock.json.
//
// The registry this project installs from answers 404 for the binaries of other platforms (darwin, win32,
// linux-arm, …), so `npm install` leaves them out of the lockfile, and `npm ci` then refuses the lockfile as
// out of sync with package.json. An entry with the package's os/cpu/libc is all `npm ci` needs: it skips a
// binary meant for another platform without downloading it. Run after any change to the lockfile:
//   node tools/lock-platform-binaries.mjs           (adds what is missing)
//   node tools/lock-platform-binaries.mjs --check   (exits 1 if anything is missing; a test runs it)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];
const CPUS = ['arm64', 'x64', 'arm', 'ppc64', 's390x', 'ia32', 'loong64', 'riscv64'];

/** The os, cpu and libc a binary package is for, read off its name (`@swc/core-linux-arm-gnueabihf`). */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OSES.find((o) => parts.includes(o));
  const cpu = CPUS.find((c) => parts.includes(c));
  if (!os || !cpu) return null;
  const libc = parts.some((p) => p.startsWith('musl')) ? ['musl'] : parts.some((p) => p.startsWith('gnu')) ? ['glibc'] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

/** Optional dependencies the lockfile names but does not record. */
export function missingOptional(lock) {
  const missing = [];
  for (const pkg of Object.values(lock.packages)) {
    for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
      if (!lock.packages[`node_modules/${name}`]) missing.push({ name, version });
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  if (process.argv.includes('--check')) {
    const missing = missingOptional(lock).map((m) => m.name);
    if (missing.length) process.stderr.write(`not in package-lock.json: ${missing.join(', ')}\n`);
    process.exit(missing.length ? 1 : 0);
  }
  const unknown = [];
  for (const { name, version } of missingOptional(lock)) {
    const platform = platformOf(name);
    if (!platform) unknown.push(name);
    else lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
  }
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  if (unknown.length) {
    process.stderr.write(`no platform could be read off: ${unknown.join(', ')}\n`);
    process.exit(1);
  }
}
