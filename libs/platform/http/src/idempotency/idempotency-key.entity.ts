import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IDEMPOTENCY_TABLE = 'idempotency_keys';

/**
 * One caller's Idempotency-Key on one `POST` (method and path), with the request's body hash and, once it is
 * known, the first answer (idempotency.md "Retrying safely"). A row is claimed before the handler runs
 * (`state` RUNNING, `locked_at` the lease), answered after it (`state` DONE), and kept until `expires_at`.
 * No schema here: the DataSource's `schema` option places it in the service's own schema.
 */
@Entity({ name: IDEMPOTENCY_TABLE })
@Index('idempotency_keys_scope_key', ['caller', 'method', 'path', 'keyHash'], { unique: true })
@Index('idempotency_keys_expires_at_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  id: string;

  /** `employee:<id>` or `partner:<key id>`: a key is its caller's own. */
  @Column({ name: 'caller', type: 'text' })
  caller: string;

  @Column({ name: 'method', type: 'varchar', length: 10 })
  method: string;

  /** The request path without its query string. */
  @Column({ name: 'path', type: 'text' })
  path: string;

  /** SHA-256 (hex) of the Idempotency-Key: the key itself is never stored (idempotency-seal.ts). */
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash: string;

  /** HMAC-SHA256 (hex) of the body's canonical JSON: tells a retry (same) from a reuse of the key (other). */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  /** RUNNING while the first request is being handled, DONE once its answer is stored. */
  @Column({ name: 'state', type: 'varchar', length: 10 })
  state: 'RUNNING' | 'DONE';

  /** Raised by each take-over of an abandoned claim, so a late writer cannot overwrite a newer attempt. */
  @Column({ name: 'attempt', type: 'integer', default: 1 })
  attempt: number;

  /**
   * Set inside the handler's own transaction, when it commits: the request took effect. A RUNNING row with it
   * and no answer lost its answer in a crash, and is never run again.
   */
  @Column({ name: 'effects_committed', type: 'boolean', default: false })
  effectsCommitted: boolean;

  /** Database time of the claim: the lease of a RUNNING row (null once answered or released). */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'status', type: 'integer', nullable: true })
  status: number | null;

  /** The answer's headers that matter: content-type and location. */
  @Column({ name: 'headers', type: 'jsonb', nullable: true })
  headers: Record<string, string> | null;

  /** The answer's body as sent, sealed with a secret derived from the key (null when there was none). */
  @Column({ name: 'body', type: 'text', nullable: true })
  body: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** The tables of the Idempotency-Key mechanism, to list in every service's DataSource. */
export const IDEMPOTENCY_ENTITIES = [IdempotencyKeyEntity];
