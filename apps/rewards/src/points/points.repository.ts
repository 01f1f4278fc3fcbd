import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { RedemptionRequestEntity } from './redemption-request.entity';

/** A redemption request's stored answer, as the deciding transaction writes it. */
export interface NewRedemptionRequest {
  requestedBy: string;
  idempotencyKey: string;
  fingerprint: string;
  customerId: string;
  redemptionId: string | null;
  points: number;
  gift: string;
  status: number;
  body: Record<string, unknown>;
  createdAt: Date;
}

/** Every query of the points capability of its own: redemption requests (by Idempotency-Key) and corrections. */
@Injectable()
export class PointsRepository {
  findRedemptionRequest(tx: Tx, requestedBy: string, idempotencyKey: string): Promise<RedemptionRequestEntity | null> {
    return tx.findOneBy(RedemptionRequestEntity, { requestedBy, idempotencyKey });
  }

  /**
   * A plain INSERT: a twin that stored this key meanwhile makes it fail (unique), never overwrites it. Answers the
   * body as stored, so the first answer and every replay are the same bytes.
   */
  async storeRedemptionRequest(tx: Tx, r: NewRedemptionRequest): Promise<Record<string, unknown>> {
    const [stored] = await tx.query(
      `INSERT INTO redemption_requests (idempotency_key, fingerprint, customer_id, redemption_id, points, gift, status, body, requested_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING body`,
      [r.idempotencyKey, r.fingerprint, r.customerId, r.redemptionId, r.points, r.gift, r.status, r.body, r.requestedBy, r.createdAt],
    );
    return stored.body;
  }

  /** Records the correction of an entry; false when it was already corrected. */
  async claimCorrection(tx: Tx, c: { entryId: string; customerId: string; points: number; correctedBy: string; now: Date }): Promise<boolean> {
    const claimed: unknown[] = await tx.query(
      `INSERT INTO points_corrections (entry_id, customer_id, points, corrected_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id`,
      [c.entryId, c.customerId, c.points, c.correctedBy, c.now],
    );
    return claimed.length > 0;
  }
}
