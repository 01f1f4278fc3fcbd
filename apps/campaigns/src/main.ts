import 'reflect-metadata';
import { describeEnvIfAsked } from '@crm/config';
import { ensureDatabase, runDatabaseCommand, runMigrations } from '@crm/database';
import { createServiceApp, listen } from '@crm/http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { campaignsConfigSchema, loadCampaignsConfig } from './config';
import { campaignsDatabase } from './database/campaigns-database';

async function main() {
  describeEnvIfAsked(campaignsConfigSchema);
  const config = loadCampaignsConfig();
  if (await runDatabaseCommand(campaignsDatabase, config.DATABASE_URL, 'apps/campaigns/src/database/migrations')) return;
  await ensureDatabase(config.DATABASE_URL);
  const app = await createServiceApp(AppModule.forRoot(config), {
    name: 'campaigns',
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'Campaigns', description: 'Outreach events, meetings, invitations, daily sheets, check-ins, sales and disputes (docs/rules.md O-1, J)' },
  });
  // Migrations run before the port opens, so a ready service always has its schema.
  await runMigrations(app.get(DataSource));
  await listen(app, config.PORT);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
