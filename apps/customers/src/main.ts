import 'reflect-metadata';
import { describeEnvIfAsked } from '@crm/config';
import { ensureDatabase, runDatabaseCommand, runMigrations } from '@crm/database';
import { createServiceApp, listen } from '@crm/http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { customersConfigSchema, loadCustomersConfig } from './config';
import { customersDatabase } from './database/customers-database';
import { runIdentityCommand } from './identity/identity-commands';

async function main() {
  describeEnvIfAsked(customersConfigSchema);
  const config = loadCustomersConfig();
  if (await runDatabaseCommand(customersDatabase, config.DATABASE_URL, 'apps/customers/src/database/migrations')) return;
  await ensureDatabase(config.DATABASE_URL);
  const migrate = () => runDatabaseCommand(customersDatabase, config.DATABASE_URL, 'apps/customers/src/database/migrations', ['--migrate']);
  if (await runIdentityCommand(AppModule.forRoot(config), migrate)) return;
  const app = await createServiceApp(AppModule.forRoot(config), {
    name: 'customers',
    logLevel: config.LOG_LEVEL,
    bodyLimitBytes: 20 * 1024 * 1024,
    openApi: { title: 'Customers', description: 'Departments, employees, customers, archives and allocation (docs/rules.md O, S, P)' },
  });
  // Migrations run before the port opens, so a ready service always has its schema.
  await runMigrations(app.get(DataSource));
  await listen(app, config.PORT);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
