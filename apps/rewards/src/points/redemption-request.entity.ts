import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A redemption request under its Idempotency-Key, with the answer it got: the same key replays that answer
 * (status and body), the same key with another request is refused. Stored in the transaction that decided it.
 */
@Entity({ name: 'redemption_requests' })
export class RedemptionRequestEntity {
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

  /** The employee or partner key that asked. */
  @Column('text')
  requestedBy: string;

  @Column('timestamptz')
  createdAt: Date;
}
