import 'reflect-metadata';
import { describeEnvIfAsked } from '@crm/config';
import { ensureDatabase, runDatabaseCommand, runMigrations } from '@crm/database';
import { createServiceApp, listen } from '@crm/http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { complaintsConfigSchema, loadComplaintsConfig } from './config';
import { complaintsDatabase } from './database/complaints-database';

async function main() {
  describeEnvIfAsked(complaintsConfigSchema);
  const config = loadComplaintsConfig();
  if (await runDatabaseCommand(complaintsDatabase, config.DATABASE_URL, 'apps/complaints/src/database/migrations')) return;
  await ensureDatabase(config.DATABASE_URL);
  const app = await createServiceApp(AppModule.forRoot(config), {
    name: 'complaints',
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'Complaints', description: 'Customer complaints (C-1..C-5): filing, fines by channel, the 3-day deadline, resolution' },
  });
  // Migrations run before the port opens, so a ready service always has its schema.
  await runMigrations(app.get(DataSource));
  await listen(app, config.PORT);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
