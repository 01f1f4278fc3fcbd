/*
 * Lets a plain `node` child process require this repository's TypeScript, compiled on the fly with the same
 * swc settings as jest (including the @crm/* path aliases). Test-only: used to run a consumer in a process
 * the test can SIGKILL (consumer-crash.int-spec.ts).
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../../../..');
const swcrc = JSON.parse(readFileSync(`${root}/.swcrc`, 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = root;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swcrc,
    filename,
    swcrc: false,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
