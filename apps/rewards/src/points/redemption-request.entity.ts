import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A redemption request under its caller's Idempotency-Key, with the answer it got: the same caller's same key
 * replays that answer (status and body), the same key with another request is refused. Keys are the caller's
 * own (as with payment APIs): no caller can read another's answer by sending its key. Stored in the
 * transaction that decided it.
 */
@Entity({ name: 'redemption_requests' })
export class RedemptionRequestEntity {
  /** The employee or partner key that asked: `employee:<id>` or `partner:<key id>`. */
  @PrimaryColumn('text')
  requestedBy: string;

  @PrimaryColumn('text')
  idempotencyKey: string;

  /** sha-256 of what was asked (customer, points, gift): tells a replay from a reuse of the key. */
  @Column('text')
  fingerprint: string;

  @Column('uuid')
  customerId: string;

  /** The redemption's id (its ledger entry's source), null when it was refused. */
  @Column('uuid', { nullable: true })
  redemptionId: string | null;

  @Column('integer')
  points: number;

  @Column('text')
  gift: string;

  @Column('integer')
  status: number;

  @Column('jsonb')
  body: Record<string, unknown>;

  @Column('timestamptz')
  createdAt: Date;
}
