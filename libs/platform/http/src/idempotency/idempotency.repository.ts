import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IDEMPOTENCY_LEASE_SECONDS } from './idempotency-key';

/** Who asked what under which key. */
export interface IdempotencyScope {
  caller: string;
  method: string;
  path: string;
  /** SHA-256 of the Idempotency-Key (idempotency-seal.ts): the key itself is never stored. */
  keyHash: string;
}

/** A stored key as the interceptor decides on it. */
export interface StoredKey {
  id: string;
  requestHash: string;
  state: 'RUNNING' | 'DONE';
  attempt: number;
  effectsCommitted: boolean;
  /** A RUNNING row whose lease (database time) has not run out: its first request is still being handled. */
  leaseActive: boolean;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  expiresAt: Date;
}

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** How many expired keys one claim deletes on its way: the table stays bounded without a sweep. */
const PRUNE_BATCH = 100;

/**
 * Every query of the Idempotency-Key mechanism. Each statement commits on its own (no transaction): the claim
 * must be visible to a concurrent twin before the handler runs, and the answer is stored after it. The one
 * write inside a handler's transaction is `MARK_EFFECTS` (idempotency.interceptor.ts).
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request (INSERT … ON CONFLICT DO NOTHING): true when it was free. */
  async claim(id: string, scope: IdempotencyScope, requestHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (id, caller, method, path, key_hash, request_hash, state, attempt, effects_committed, locked_at, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'RUNNING', 1, false, clock_timestamp(), $7, $8)
       ON CONFLICT (caller, method, path, key_hash) DO NOTHING RETURNING id`,
      [id, scope.caller, scope.method, scope.path, scope.keyHash, requestHash, now, expiresAt],
    );
    return rows.length > 0;
  }

  async find(scope: IdempotencyScope): Promise<StoredKey | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, request_hash, state, attempt, effects_committed, status, headers, body, expires_at,
              (state = 'RUNNING' AND locked_at IS NOT NULL AND locked_at > clock_timestamp() - make_interval(secs => $5)) AS lease_active
         FROM idempotency_keys WHERE caller = $1 AND method = $2 AND path = $3 AND key_hash = $4`,
      [scope.caller, scope.method, scope.path, scope.keyHash, IDEMPOTENCY_LEASE_SECONDS],
    );
    if (!row) return null;
    return {
      id: row.id,
      requestHash: row.request_hash,
      state: row.state,
      attempt: row.attempt,
      effectsCommitted: row.effects_committed,
      leaseActive: row.lease_active,
      status: row.status,
      headers: row.headers,
      body: row.body,
      expiresAt: row.expires_at,
    };
  }

  /** Delete-on-read of one expired key, so it can be claimed again. */
  async deleteExpired(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE id = $1 AND expires_at <= $2`, [id, now]);
  }

  /** Deletes a batch of expired keys (a claim does it on its way). */
  async prune(now: Date): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE id IN (SELECT id FROM idempotency_keys WHERE expires_at <= $1 LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
      [now],
    );
  }

  /**
   * Takes over a claim whose lease ran out and whose handler committed nothing (its process died before): the
   * new attempt, or null when someone else took it first or it changed meanwhile.
   */
  async takeOver(id: string, attempt: number): Promise<number | null> {
    // UPDATE and DELETE answer [rows, count] through TypeORM.
    const [rows]: [{ attempt: number }[], number] = await this.dataSource.query(
      `UPDATE idempotency_keys SET attempt = attempt + 1, locked_at = clock_timestamp()
        WHERE id = $1 AND attempt = $2 AND state = 'RUNNING' AND NOT effects_committed
          AND (locked_at IS NULL OR locked_at <= clock_timestamp() - make_interval(secs => $3))
       RETURNING attempt`,
      [id, attempt, IDEMPOTENCY_LEASE_SECONDS],
    );
    return rows[0]?.attempt ?? null;
  }

  /** Stores the first answer (this attempt's only). */
  async answer(id: string, attempt: number, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'DONE', locked_at = NULL, status = $3, headers = $4, body = $5 WHERE id = $1 AND attempt = $2 AND state = 'RUNNING'`,
      [id, attempt, answer.status, answer.headers, answer.body],
    );
  }

  /**
   * A 5xx is not stored: the key is freed for a retry, unless the handler committed something first; then the
   * row stays RUNNING without a lease, and a retry learns the answer was lost rather than running it twice.
   */
  async release(id: string, attempt: number): Promise<void> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE id = $1 AND attempt = $2 AND state = 'RUNNING' AND NOT effects_committed`,
      [id, attempt],
    );
    if (!deleted) await this.dataSource.query(`UPDATE idempotency_keys SET locked_at = NULL WHERE id = $1 AND attempt = $2 AND state = 'RUNNING'`, [id, attempt]);
  }
}

/** Run inside the handler's transaction as it commits: the request took effect (idempotency.interceptor.ts). */
export const MARK_EFFECTS = `UPDATE idempotency_keys SET effects_committed = true WHERE id = $1 AND attempt = $2`;
