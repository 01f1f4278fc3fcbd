import { dropTestRunKeys } from './redis-keys';

/**
 * Once after every test file: removes the Redis keys this run left behind (a file that crashed before its
 * cleanup, tests that make prefixes of their own). Databases are dropped by each file; keys of other runs on the
 * same Redis carry another run id and stay.
 */
export default async function globalTeardown(): Promise<void> {
  await dropTestRunKeys();
}
