import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ServiceDatabase } from './data-source-options';
import { ensureDatabase, pendingSchemaChanges, runMigrations } from './migrations';

/**
 * The database commands every service's main understands, so ops and CI need nothing but the service:
 *   --migrate                     create the database if missing, run pending migrations, exit
 *   --check-migrations            exit 1 when entities and migrations disagree (prints the missing SQL)
 *   --generate-migration <Name>   write a migration with that SQL into <dir> (development)
 * Answers false when none was asked, so the service starts normally.
 */
export async function runDatabaseCommand(db: ServiceDatabase, url: string, migrationsDir: string, argv: string[] = process.argv): Promise<boolean> {
  const command = ['--migrate', '--check-migrations', '--generate-migration'].find((c) => argv.includes(c));
  if (!command) return false;
  await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url, db, { poolSize: 2, applicationName: `${db.schema}-migrate` }));
  await dataSource.initialize();
  try {
    const ran = await runMigrations(dataSource);
    if (command === '--migrate') {
      process.stdout.write(`${db.schema}: ${ran.length ? `ran ${ran.join(', ')}` : 'up to date'}\n`);
      return true;
    }
    const pending = await pendingSchemaChanges(dataSource);
    if (command === '--check-migrations') {
      if (pending.length) {
        process.stderr.write(`${db.schema}: entities and migrations disagree; a migration needs:\n${pending.join(';\n')};\n`);
        process.exitCode = 1;
      } else process.stdout.write(`${db.schema}: entities and migrations agree\n`);
      return true;
    }
    const name = argv[argv.indexOf('--generate-migration') + 1];
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('--generate-migration needs a PascalCase name');
    if (!pending.length) {
      process.stdout.write('nothing to generate\n');
      return true;
    }
    // eslint-disable-next-line no-restricted-syntax -- a migration's timestamp is real time, not business time
    const stamp = Date.now();
    const body = pending.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
    mkdirSync(migrationsDir, { recursive: true });
    const file = join(migrationsDir, `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${body}\n  }\n\n  async down(): Promise<void> {\n    throw new Error('${name} is not reversible; restore from backup');\n  }\n}\n`,
    );
    process.stdout.write(`wrote ${file}\n`);
    return true;
  } finally {
    await dataSource.destroy();
  }
}
