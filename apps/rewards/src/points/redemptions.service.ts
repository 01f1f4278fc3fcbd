import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation } from '@crm/database';
import { toProblem } from '@crm/errors';
import { CustomersRepository } from '../customers/customers.repository';
import { LedgerService } from '../ledger/ledger.service';
import { fingerprintOf } from './idempotency';
import { RedeemPointsDto } from './points.dto';
import { PointsErrors } from './points.errors';
import { RedemptionRequestEntity } from './redemption-request.entity';

export interface Redemption {
  id: string;
  customerId: string;
  points: number;
  gift: string;
  /** The balance right after this redemption. */
  balance: number;
  entryId: string;
  createdAt: string;
}

/** The answer to a redemption request, first time or replayed: REST sends it as it is. */
export interface RedemptionAnswer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/**
 * Customers redeem points for gifts. Each request carries an Idempotency-Key: the first answer (a
 * redemption, or a refusal for want of points) is stored with the key in the deciding transaction and replayed
 * for the same request; the same key for another request is 422. The balance check and the entry happen under
 * the account's row lock (LedgerService.redeem), so concurrent redemptions never overdraw.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly customers: CustomersRepository,
    private readonly clock: Clock,
  ) {}

  async redeem(caller: Principal, customerId: string, idempotencyKey: string, dto: RedeemPointsDto): Promise<RedemptionAnswer> {
    const request = { customerId, points: dto.points, gift: dto.gift };
    try {
      return await this.decide(caller, request, idempotencyKey);
    } catch (e) {
      // A request with the same key committed first (the key is the primary key of its stored answer): this one
      // rolled back, debit and all, and answers what the first stored; 422 if it was another request.
      if (!isUniqueViolation(e)) throw e;
      return this.decide(caller, request, idempotencyKey);
    }
  }

  private decide(caller: Principal, request: { customerId: string; points: number; gift: string }, key: string): Promise<RedemptionAnswer> {
    const fingerprint = fingerprintOf(request);
    const requestedBy = isEmployee(caller) ? `employee:${caller.employeeId}` : `partner:${caller.keyId}`;
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.answered(manager, requestedBy, key, fingerprint);
      if (earlier) return earlier;

      const id = randomUUID();
      const outcome = await this.ledger.redeem(manager, request.customerId, request.points, id);
      // Only a refusal asks whether the customer exists: an account that paid proves it.
      if (!outcome.ok && !(await this.customers.isKnown(request.customerId, manager))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${request.customerId}`);

      const now = this.clock.now();
      const redemption: Redemption | null = outcome.ok ? { id, ...request, balance: outcome.balance, entryId: outcome.entryId, createdAt: now.toISOString() } : null;
      const answer: Omit<RedemptionAnswer, 'replayed'> = redemption
        ? { status: 201, body: { ...redemption } }
        : {
            status: 409,
            body: { ...toProblem(PointsErrors.POINTS_INSUFFICIENT(`The balance is ${outcome.balance} points; ${request.points} were asked for`, { balance: outcome.balance }), `/api/v1/points/${request.customerId}/redemptions`) },
          };
      // A plain INSERT: a twin that stored this key meanwhile makes it fail (unique), never overwrites it. The
      // body is answered as stored, so the first answer and every replay are the same bytes.
      const [stored] = await manager.query(
        `INSERT INTO redemption_requests (idempotency_key, fingerprint, customer_id, redemption_id, points, gift, status, body, requested_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING body`,
        [key, fingerprint, request.customerId, outcome.ok ? id : null, request.points, request.gift, answer.status, answer.body, requestedBy, now],
      );
      return { status: answer.status, body: stored.body, replayed: false };
    });
  }

  /** The stored answer for this caller's key, or null when the key is new; 422 when it named another request. */
  private async answered(manager: EntityManager, requestedBy: string, key: string, fingerprint: string): Promise<RedemptionAnswer | null> {
    const stored = await manager.findOneBy(RedemptionRequestEntity, { requestedBy, idempotencyKey: key });
    if (!stored) return null;
    if (stored.fingerprint !== fingerprint) throw PointsErrors.IDEMPOTENCY_KEY_REUSED('This Idempotency-Key was used for another redemption; use a new key for a new request');
    return { status: stored.status, body: stored.body, replayed: true };
  }
}
