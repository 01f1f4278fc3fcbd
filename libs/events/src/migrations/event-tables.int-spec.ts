import { pendingSchemaChanges, SnakeNamingStrategy } from '@crm/database';
import { DataSource } from 'typeorm';
import { eventsTestDatabase, type EventsTestDatabase } from '../testing/harness';
import { EVENT_ENTITIES, eventTablesSql } from './event-tables.sql';

/** The migration helper's SQL and the entities describe the same tables, so the drift check stays quiet. */
describe('event tables migration', () => {
  let t: EventsTestDatabase;

  beforeAll(async () => {
    // The harness applies eventTablesSql(schema).up to each schema, as a service's first migration would.
    t = await eventsTestDatabase(['service_visits']);
  });

  afterAll(() => t.close());

  it('leaves TypeORM nothing to change, as the services configure their DataSource', async () => {
    const ds = new DataSource({
      type: 'postgres',
      url: t.db.url,
      schema: 'service_visits',
      entities: EVENT_ENTITIES,
      namingStrategy: new SnakeNamingStrategy(),
    });
    await ds.initialize();
    try {
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      const indexes = await ds.query(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = 'service_visits' AND indexname = 'outbox_unpublished_idx'`,
      );
      expect(indexes[0].indexdef).toContain('WHERE (published_at IS NULL)');

      for (const sql of eventTablesSql('service_visits').down) await ds.query(sql);
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'service_visits' ORDER BY 1`,
      );
      expect(tables).toEqual([{ table_name: 'effects' }]);
    } finally {
      await ds.destroy();
    }
  });
});
