export * from './database';
export { dropRedisKeys, dropRedisPrefix, dropTestRunKeys, testRunId } from './redis-keys';
export * from './service-app';
export * from './suite-client';
export * from './suite-processes';
export * from './eventually';
export * from './suite-session';
export * from './json-number';
export * from './test-signing-key';
