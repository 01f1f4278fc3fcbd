/**
 * Lints an OpenAPI document with Redocly's `recommended` rules (docs/api/partners.md "The OpenAPI document"):
 *
 *   node tools/lint-openapi.mjs http://localhost:4000/api/docs/openapi.json    the gateway's composed document
 *   node tools/lint-openapi.mjs path/to/openapi.json [--json]                  a file; --json prints the problems as JSON
 *
 * Prints every problem (errors and warnings) and exits 1 when there is an error. tests/suite/openapi-gateway.e2e-spec.ts
 * runs it on the document of a running suite.
 */
import { createConfig, lint } from '@redocly/openapi-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [source, ...flags] = process.argv.slice(2);
if (!source) {
  process.stderr.write('usage: node tools/lint-openapi.mjs <file or URL> [--json]\n');
  process.exit(2);
}

let file = resolve(source);
let scratch;
if (/^https?:\/\//.test(source)) {
  const response = await fetch(source);
  if (!response.ok) {
    process.stderr.write(`${source} answered ${response.status}\n`);
    process.exit(2);
  }
  scratch = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  file = join(scratch, 'openapi.json');
  writeFileSync(file, await response.text());
}

try {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = (await lint({ ref: file, config })).map((p) => ({
    severity: p.severity,
    ruleId: p.ruleId,
    message: p.message,
    pointer: p.location?.[0]?.pointer,
  }));
  if (flags.includes('--json')) {
    process.stdout.write(JSON.stringify(problems));
  } else {
    for (const p of problems) process.stdout.write(`${p.severity} ${p.ruleId} ${p.pointer ?? ''}: ${p.message}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`${errors} error(s), ${problems.length - errors} warning(s)\n`);
  }
  process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
