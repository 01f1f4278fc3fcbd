import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A partner API key as every service keeps it: the SHA-256 of the secret (never the secret), its scopes, and
 * when it was revoked. The customers service issues keys; the others learn them from `api_key.*` events.
 */
@Entity({ name: 'api_keys' })
export class ApiKeyRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  hash: string;

  @Column('text', { array: true })
  scopes: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}

/** SQL for a service's migration that creates the table above. */
export const API_KEYS_TABLE_SQL = {
  up: `CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    hash text NOT NULL,
    scopes text[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
  )`,
  down: `DROP TABLE api_keys`,
};
