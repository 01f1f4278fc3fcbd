import 'reflect-metadata';
import { describeEnvIfAsked } from '@crm/config';
import { ensureDatabase, runDatabaseCommand, runMigrations } from '@crm/database';
import { createServiceApp, listen } from '@crm/http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadRewardsConfig, rewardsConfigSchema } from './config';
import { rewardsDatabase } from './database/rewards-database';

async function main() {
  describeEnvIfAsked(rewardsConfigSchema);
  const config = loadRewardsConfig();
  if (await runDatabaseCommand(rewardsDatabase, config.DATABASE_URL, 'apps/rewards/src/database/migrations')) return;
  await ensureDatabase(config.DATABASE_URL);
  const app = await createServiceApp(AppModule.forRoot(config), {
    name: 'rewards',
    logLevel: config.LOG_LEVEL,
    openApi: { title: 'Rewards', description: 'Customer points (R-1..R-3): referral credits, redemptions, tiers; staff fines (R-4)' },
  });
  // Migrations run before the port opens, so a ready service always has its schema.
  await runMigrations(app.get(DataSource));
  await listen(app, config.PORT);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
