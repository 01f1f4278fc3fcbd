import { NestFactory } from '@nestjs/core';
import type { DynamicModule } from '@nestjs/common';
import { createInterface } from 'node:readline/promises';
import { Role } from '@crm/auth';
import { OrganisationService } from '../organisation/organisation.service';
import { IdentityService } from './identity.service';
import { SigningKeys } from './signing-keys';

/**
 * The identity commands of the customers service's entry point, for ops (docs/identity.md):
 *   --create-admin --login <login> --name <name>   the first ADMIN; the password from ADMIN_PASSWORD or stdin
 *   --rotate-signing-key [--immediately]          a new signing key, published now, signing shortly after
 *                                                 (at once, the old keys withdrawn, with --immediately)
 * They migrate the service's database first, run, and exit. Answers false when none was asked.
 */
export async function runIdentityCommand(appModule: DynamicModule, migrate: () => Promise<unknown>, argv: string[] = process.argv): Promise<boolean> {
  const command = ['--create-admin', '--rotate-signing-key'].find((c) => argv.includes(c));
  if (!command) return false;
  await migrate();
  const app = await NestFactory.createApplicationContext(appModule, { logger: ['error', 'warn'] });
  try {
    if (command === '--rotate-signing-key') {
      const { kid, activatesAt, previousRetireAt } = await app.get(SigningKeys).rotate({ immediately: argv.includes('--immediately') });
      process.stdout.write(`new signing key ${kid}: published now, signs from ${activatesAt.toISOString()}; the previous keys are withdrawn at ${previousRetireAt.toISOString()}\n`);
      return true;
    }
    const login = valueOf(argv, '--login');
    const name = valueOf(argv, '--name') ?? login;
    if (!login || !name) throw new Error('usage: --create-admin --login <login> [--name <name>] (password from ADMIN_PASSWORD or stdin)');
    const password = process.env.ADMIN_PASSWORD ?? (await readPassword());
    const employee = await app.get(OrganisationService).createEmployee({ name, role: Role.ADMIN, login });
    await app.get(IdentityService).setPassword(employee.id, password);
    process.stdout.write(`ADMIN ${employee.name} (${employee.id}) signs in as ${employee.login}\n`);
    return true;
  } finally {
    await app.close();
  }
}

function valueOf(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await rl.question('password: ')).trim();
  } finally {
    rl.close();
  }
}
