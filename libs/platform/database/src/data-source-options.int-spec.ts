import { toAppError } from '@crm/errors';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** A pool that is used up turns the next request into a 503 after the wait, instead of leaving it hanging. */
describe('dataSourceOptions pool', () => {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let ds: DataSource;

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions(url, { schema: 'public', entities: [], migrations: [] }, { poolSize: 1, poolWaitMs: 300 }));
    await ds.initialize();
  });

  afterAll(() => ds.destroy());

  it('gives up waiting for a connection and reports the service as busy', async () => {
    const held = ds.createQueryRunner();
    await held.connect();
    try {
      const started = Date.now();
      const error = await ds.query('SELECT 1').catch((e: unknown) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect([toAppError(error).status, toAppError(error).code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    } finally {
      await held.release();
    }
    expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
