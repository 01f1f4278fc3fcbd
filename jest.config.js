// One Jest run for every test of the suite: unit specs (*.spec.ts), service tests against real PostgreSQL
// and Redis (*.int-spec.ts) and suite tests that drive the running suite through the gateway (tests/).
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // NestJS 12 ships as ES modules. Node runs them from CommonJS through require(esm), but Jest's module
  // system cannot on Node 20, so Jest compiles those packages to CommonJS (once; the result is cached).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@as-integrations|cookie|jose|content-disposition)/)'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
