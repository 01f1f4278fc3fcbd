import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@crm/clock';
import type { Tx } from '@crm/database';
import { AccountState, postEarning } from './ledger-posting';
import { LedgerRepository, NewEntry } from './ledger.repository';
import { PointsReason } from './points.entities';

/** Drifted accounts named in one audit report; the count is always complete. */
const AUDIT_REPORT_LIMIT = 100;

/** An earning change for one customer, from one cause. */
export interface Earning {
  customerId: string;
  deltaPoints: number;
  /** The entry's reason when the change is a credit, and when it is a reversal. */
  creditReason: PointsReason;
  reversalReason: PointsReason;
  sourceEventId: string;
}

export type RedeemOutcome = { ok: true; balance: number; entryId: string } | { ok: false; balance: number };

/**
 * the only writer of points. Every change locks the customer's account, writes its entries and the cached
 * figures in the caller's transaction, so the cache and the ledger move together.
 */
@Injectable()
export class LedgerService {
  private readonly log = new Logger('LedgerAudit');

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Credits or reverses earned points, settling owed points first and never taking the balance below
   * 0 (ledger-posting.ts). A cause already booked for this customer and reason changes nothing.
   */
  async postEarning(tx: Tx, e: Earning): Promise<AccountState | null> {
    if (e.deltaPoints === 0) return null;
    const now = this.clock.now();
    const account = await this.ledger.lockAccount(tx, e.customerId, now);
    const reason = e.deltaPoints > 0 ? e.creditReason : e.reversalReason;
    if (await this.ledger.hasEntry(tx, e.customerId, e.sourceEventId, reason)) return null;
    const posted = postEarning(account, e.deltaPoints);
    const entries: NewEntry[] = posted.postings.map((p) => ({
      customerId: e.customerId,
      points: p.points,
      reason: p.kind === 'SETTLEMENT' ? PointsReason.OWED_SETTLEMENT : reason,
      sourceEventId: e.sourceEventId,
    }));
    await this.ledger.append(tx, entries, now);
    await this.ledger.saveAccount(tx, e.customerId, posted.account, now);
    return posted.account;
  }

  /**
   * Takes points for a gift if the balance covers them: the check and the debit are one conditional UPDATE, which
   * holds the account's row lock while the entry is written, so concurrent redemptions never overdraw.
   */
  async redeem(tx: Tx, customerId: string, points: number, redemptionId: string): Promise<RedeemOutcome> {
    const now = this.clock.now();
    const balance = await this.ledger.debitIfCovered(tx, customerId, points, now);
    if (balance === null) return { ok: false, balance: await this.ledger.balanceOf(tx, customerId) };
    const [entryId] = await this.ledger.append(tx, [{ customerId, points: -points, reason: PointsReason.REDEMPTION, sourceEventId: redemptionId }], now);
    return { ok: true, balance, entryId };
  }

  /** The `ledger-audit` sweep: reports accounts whose cached figures drifted from their entries; fixes nothing. */
  async audit(): Promise<Record<string, unknown>> {
    const { checked, drifted, accounts } = await this.ledger.drift(AUDIT_REPORT_LIMIT);
    if (drifted > 0) this.log.warn(`${drifted} points accounts disagree with their ledger entries, e.g. ${accounts.slice(0, 10).map((a) => a.customerId).join(', ')}`);
    return { accountsChecked: checked, drift: drifted, accounts };
  }
}
