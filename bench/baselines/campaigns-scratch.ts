import { Client } from 'pg';
import { createScratch, dropScratch } from './scratch-tables';

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

export const createCampaignsScratch = (client: Client) => createScratch(client, SCRATCH_TABLES, ORIGINALS);
export const dropCampaignsScratch = (client: Client) => dropScratch(client, SCRATCH_TABLES);
