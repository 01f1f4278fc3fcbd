import { Client } from 'pg';

/**
 * Scratch copies of the campaigns tables an invitation, a confirmation and a daily sheet write, for the plain
 * baseline server: `(LIKE … INCLUDING ALL)` keeps columns, defaults, primary keys and (unique) indexes, so the
 * baseline pays for the same indexes the service does; it drops the foreign keys, which these tables have none of.
 */
export const SCRATCH_TABLES = {
  invitations: 'campaigns.bench_invitations',
  locks: 'campaigns.bench_meeting_locks',
  sheets: 'campaigns.bench_sheets',
  claims: 'campaigns.bench_sheet_claims',
} as const;

const ORIGINALS: Record<keyof typeof SCRATCH_TABLES, string> = {
  invitations: 'campaigns.invitations',
  locks: 'campaigns.meeting_locks',
  sheets: 'campaigns.sheets',
  claims: 'campaigns.sheet_claims',
};

export async function createCampaignsScratch(client: Client): Promise<void> {
  for (const key of Object.keys(SCRATCH_TABLES) as (keyof typeof SCRATCH_TABLES)[]) {
    await client.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLES[key]}`);
    await client.query(`CREATE TABLE ${SCRATCH_TABLES[key]} (LIKE ${ORIGINALS[key]} INCLUDING ALL)`);
  }
}

export async function dropCampaignsScratch(client: Client): Promise<void> {
  for (const table of Object.values(SCRATCH_TABLES)) await client.query(`DROP TABLE IF EXISTS ${table}`);
}
