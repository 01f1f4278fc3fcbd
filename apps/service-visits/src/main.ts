import 'reflect-metadata';
import { describeEnvIfAsked } from '@crm/config';
import { ensureDatabase, runDatabaseCommand, runMigrations } from '@crm/database';
import { createServiceApp, listen } from '@crm/http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadDatabaseConfig, loadServiceVisitsConfig, serviceVisitsConfigSchema } from './config';
import { serviceVisitsDatabase } from './database/service-visits-database';

async function main() {
  describeEnvIfAsked(serviceVisitsConfigSchema);
  // Database commands (the migration Job) need the database only: the health key stays with the service.
  if (await runDatabaseCommand(serviceVisitsDatabase, loadDatabaseConfig().DATABASE_URL, 'apps/service-visits/src/database/migrations')) return;
  const config = loadServiceVisitsConfig();
  await ensureDatabase(config.DATABASE_URL);
  const app = await createServiceApp(AppModule.forRoot(config), {
    name: 'service-visits',
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'Service visits', description: 'Service records (V-1), the 3-month rule (V-2), return-visit plans (V-3), satisfaction surveys (V-4)' },
  });
  // Migrations run before the port opens, so a ready service always has its schema.
  await runMigrations(app.get(DataSource));
  await listen(app, config.PORT);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
