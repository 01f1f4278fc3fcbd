import { Injectable } from '@nestjs/common';
import { EmployeePrincipal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { PointsReason } from '../ledger/points.entities';
import { PointsErrors } from './points.errors';
import { PointsRepository } from './points.repository';
import { CorrectionView, correctionView } from './points.view';

/**
 * Entries an admin may correct: R-1 bonuses (a referral found to be bogus has no other way back). R-2 points
 * follow the sales: they are corrected at the source by a refund, which the spend arithmetic reverses exactly;
 * a correction beside it would be reversed twice. A redemption is a customer's act, not a booking error.
 */
const CORRECTABLE: readonly PointsReason[] = [PointsReason.REFERRAL_ATTENDANCE];

/**
 * "corrections are reversing entries". An entry booked in error is never edited: a CORRECTION entry of the
 * opposite sign is appended, naming the corrected entry as its cause, once per entry, and the balance rule
 * (never negative, the rest owed) holds as for any reversal.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly points: PointsRepository,
    private readonly ledger: LedgerRepository,
    private readonly ledgerService: LedgerService,
    private readonly clock: Clock,
  ) {}

  async correct(caller: EmployeePrincipal, customerId: string, entryId: string): Promise<CorrectionView> {
    const entry = await this.ledger.findEntry(customerId, entryId);
    if (!entry) throw PointsErrors.ENTRY_NOT_FOUND(`Customer ${customerId} has no entry ${entryId}`);
    if (!CORRECTABLE.includes(entry.reason)) throw PointsErrors.ENTRY_NOT_CORRECTABLE(`Entry ${entryId} is a ${entry.reason}`);
    return this.transactions.run(async (tx) => {
      const claimed = await this.points.claimCorrection(tx, { entryId: entry.id, customerId, points: -entry.points, correctedBy: `employee:${caller.employeeId}`, now: this.clock.now() });
      if (!claimed) throw PointsErrors.ENTRY_ALREADY_CORRECTED(`Entry ${entryId} was already corrected`);
      const account = await this.ledgerService.postEarning(tx, { customerId, deltaPoints: -entry.points, creditReason: PointsReason.CORRECTION, reversalReason: PointsReason.CORRECTION, sourceEventId: entry.id });
      return correctionView(customerId, entry.id, -entry.points, account);
    });
  }
}
