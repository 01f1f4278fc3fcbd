import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation, Transactions, type Tx } from '@crm/database';
import { toProblem } from '@crm/errors';
import { CustomersService } from '../customers/customers.service';
import { LedgerService } from '../ledger/ledger.service';
import { fingerprintOf } from './idempotency';
import { RedeemPointsDto } from './points.dto';
import { PointsErrors } from './points.errors';
import { PointsRepository } from './points.repository';
import type { RedemptionView } from './points.view';

/** The answer to a redemption request, first time or replayed: REST sends it as it is. */
export interface RedemptionAnswer {
  status: number;
  /** A RedemptionView (201) or the problem of the refusal (409), as stored. */
  body: Record<string, unknown>;
  replayed: boolean;
}

/**
 * Customers redeem points for gifts, at the counter (CRM centre), through management, their department's
 * head or a partner; a head only for customers the department owns (customers/customer-access.ts, P-1). Each request carries an Idempotency-Key: the first answer (a
 * redemption, or a refusal for want of points) is stored with the key in the deciding transaction and replayed
 * for the same request; the same key for another request is 422. The balance check and the entry happen under
 * the account's row lock (LedgerService.redeem), so concurrent redemptions never overdraw.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: PointsRepository,
    private readonly ledger: LedgerService,
    private readonly customers: CustomersService,
    private readonly clock: Clock,
  ) {}

  async redeem(caller: Principal, customerId: string, idempotencyKey: string, dto: RedeemPointsDto): Promise<RedemptionAnswer> {
    // Authorization first (P-1): department staff redeem only for customers their department owns. A refused
    // caller gets the unknown customer's 404 before any balance, replay or POINTS_INSUFFICIENT, and nothing is
    // stored under the key. A customer just registered is waited for here, outside the transaction.
    if (!(await this.customers.mayAct(caller, customerId))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
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
    return this.transactions.run(async (tx) => {
      const earlier = await this.answered(tx, requestedBy, key, fingerprint);
      if (earlier) return earlier;

      const id = randomUUID();
      const outcome = await this.ledger.redeem(tx, request.customerId, request.points, id);
      // Only a refusal asks whether the customer exists: an account that paid proves it.
      if (!outcome.ok && !(await this.customers.isKnown(request.customerId, tx))) throw PointsErrors.CUSTOMER_NOT_FOUND(`No customer ${request.customerId}`);

      const now = this.clock.now();
      const redemption: RedemptionView | null = outcome.ok ? { id, ...request, balance: outcome.balance, entryId: outcome.entryId, createdAt: now.toISOString() } : null;
      const answer: Omit<RedemptionAnswer, 'replayed'> = redemption
        ? { status: 201, body: { ...redemption } }
        : {
            status: 409,
            body: { ...toProblem(PointsErrors.POINTS_INSUFFICIENT(`The balance is ${outcome.balance} points; ${request.points} were asked for`, { balance: outcome.balance }), `/api/v1/points/${request.customerId}/redemptions`) },
          };
      // Stored in this transaction; a twin that stored the key first makes it fail (unique) and this one replays.
      const body = await this.requests.storeRedemptionRequest(tx, {
        idempotencyKey: key,
        fingerprint,
        customerId: request.customerId,
        redemptionId: outcome.ok ? id : null,
        points: request.points,
        gift: request.gift,
        status: answer.status,
        body: answer.body,
        requestedBy,
        createdAt: now,
      });
      return { status: answer.status, body, replayed: false };
    });
  }

  /** The stored answer for this caller's key, or null when the key is new; 422 when it named another request. */
  private async answered(tx: Tx, requestedBy: string, key: string, fingerprint: string): Promise<RedemptionAnswer | null> {
    const stored = await this.requests.findRedemptionRequest(tx, requestedBy, key);
    if (!stored) return null;
    if (stored.fingerprint !== fingerprint) throw PointsErrors.IDEMPOTENCY_KEY_REUSED('This Idempotency-Key was used for another redemption; use a new key for a new request');
    return { status: stored.status, body: stored.body, replayed: true };
  }
}
