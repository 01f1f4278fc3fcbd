import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployeePrincipal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { PointsReason } from '../ledger/points.entities';
import { PointsErrors } from './points.errors';

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
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly ledgerService: LedgerService,
    private readonly clock: Clock,
  ) {}

  async correct(caller: EmployeePrincipal, customerId: string, entryId: string) {
    const entry = await this.ledger.findEntry(customerId, entryId);
    if (!entry) throw PointsErrors.ENTRY_NOT_FOUND(`Customer ${customerId} has no entry ${entryId}`);
    if (!CORRECTABLE.includes(entry.reason)) throw PointsErrors.ENTRY_NOT_CORRECTABLE(`Entry ${entryId} is a ${entry.reason}`);
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO points_corrections (entry_id, customer_id, points, corrected_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id`,
        [entry.id, customerId, -entry.points, `employee:${caller.employeeId}`, this.clock.now()],
      );
      if (!claimed.length) throw PointsErrors.ENTRY_ALREADY_CORRECTED(`Entry ${entryId} was already corrected`);
      const account = await this.ledgerService.postEarning(manager, { customerId, deltaPoints: -entry.points, creditReason: PointsReason.CORRECTION, reversalReason: PointsReason.CORRECTION, sourceEventId: entry.id });
      return { customerId, correctedEntryId: entry.id, points: -entry.points, ...account };
    });
  }
}
