import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { addDays, businessDate } from '@crm/clock';
import { Transactions, type Tx } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { daysToReconcile, settleClaims, SHEET_FINE_FEN, SheetClaim, sheetFines, SheetMeeting } from './rules';
import { ClaimOutcome, SheetClaimEntity } from './sheet.entities';
import { OpenJointMeeting, SheetsRepository } from './sheets.repository';

/**
 * J-7, J-8: the reconciliation of each obligation day of a joint meeting (run by the `sheet-cutoff` sweep): pending
 * claims settled by precedence (J-4), duplicates, late and missing sheets, and one 10-yuan fine per late or missing
 * department and day. Obligation days start when the meeting was scheduled (J-3), so nobody is fined for a day
 * before the meeting existed.
 */
@Injectable()
export class SheetReconciliationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sheets: SheetsRepository,
    private readonly organisation: OrganisationLookup,
    private readonly outbox: OutboxWriter,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  /** The `sheet-cutoff` sweep: every joint-meeting obligation day whose deadline has passed and is not reconciled yet. */
  async reconcileDue(now: Date): Promise<Record<string, unknown>> {
    const today = businessDate(now, this.options.tz);
    const rules = this.options.sheetRules;
    const meetings = await this.sheets.openJointMeetings(addDays(today, rules.windowDays), { afternoon: rules.afternoonDeadline, evening: rules.eveningDeadline, tz: rules.tz });
    const done: { meetingId: string; day: string }[] = [];
    let finesImposed = 0;
    for (const meeting of meetings) {
      const reconciled = await this.sheets.reconciledDays(meeting.id);
      const sheetMeeting: SheetMeeting = { date: meeting.date, slot: meeting.slot, scheduledAt: new Date(meeting.createdAt) };
      for (const { day } of daysToReconcile(sheetMeeting, now, rules)) {
        if (reconciled.has(day)) continue;
        const outcome = await this.transactions.run((tx) => this.reconcileDay(tx, meeting, day, now));
        if (outcome) {
          done.push({ meetingId: meeting.id, day });
          finesImposed += outcome.fines;
        }
      }
    }
    return { reconciled: done, finesImposed };
  }

  /** J-8 for one day, once: settles pending claims, lists duplicates, every sheet, late and missing sheets, fines (J-7). */
  private async reconcileDay(tx: Tx, meeting: OpenJointMeeting, day: string, now: Date): Promise<{ fines: number } | null> {
    if (!(await this.sheets.startReconciliation(tx, meeting.id, day, now))) return null;
    const { settled, customers } = await this.settle(tx, meeting.id, day, now);
    const lostAtSubmission = (await this.sheets.lostOn(tx, meeting.id, day))
      .filter((c) => !customers.has(c.customerId))
      .map((c) => ({ customerId: c.customerId, departmentId: c.departmentId, sheetId: c.sheetId, reason: c.reason }));

    // J-7: one 10-yuan fine on the head for each department without an on-time sheet for the day (late or missing).
    const shown = await this.sheets.sheetsFor(tx, meeting.id, day);
    const sheets = shown.filter((s) => s.forDay === day);
    const { verdicts } = sheetFines([day], meeting.departmentIds, sheets.map((s) => ({ departmentId: s.departmentId, forDay: s.forDay, late: s.late })));
    const heads = await this.organisation.headsByDepartment(tx);
    const fines: { departmentId: string; headId: string | null; status: string }[] = [];
    for (const v of verdicts.filter((v) => v.status !== 'ON_TIME')) {
      const headId = heads.get(v.departmentId) ?? null;
      const fineId = randomUUID();
      const status = v.status as 'LATE' | 'MISSING';
      if (!(await this.sheets.recordFine(tx, { meetingId: meeting.id, departmentId: v.departmentId, day, fineId, status, headId, amountFen: SHEET_FINE_FEN }))) continue;
      fines.push({ departmentId: v.departmentId, headId, status });
      if (!headId) continue; // reported: a department without a head has nobody to fine
      const lateSheet = sheets.find((s) => s.departmentId === v.departmentId && s.late);
      await this.outbox.append(tx, [
        {
          name: 'fine.imposed',
          payload: { fineId, employeeId: headId, departmentId: v.departmentId, amountFen: SHEET_FINE_FEN, rule: 'J-7', sourceId: lateSheet?.id ?? fineId, imposedAt: now.toISOString() },
        },
      ]);
    }
    const report = {
      day,
      // Every sheet handed in for the day (supplementary ones included) and every late one of the day before whose customers count today.
      sheets: shown.map((s) => ({
        id: s.id,
        departmentId: s.departmentId,
        late: s.late,
        forDay: s.forDay,
        effectiveDay: s.effectiveDay,
        submittedAt: new Date(s.submittedAt).toISOString(),
        customers: s.customerIds.length,
        speakers: s.speakerCustomerIds,
      })),
      late: verdicts.filter((v) => v.status === 'LATE').map((v) => v.departmentId),
      missing: verdicts.filter((v) => v.status === 'MISSING').map((v) => v.departmentId),
      duplicates: { settled, lostAtSubmission },
      fines,
    };
    await this.sheets.finishReconciliation(tx, meeting.id, day, report);
    return { fines: fines.filter((f) => f.headId).length };
  }

  /** J-4: settles every customer with a pending claim effective by `day`, by precedence; answers the duplicates settled and the customers. */
  private async settle(tx: Tx, meetingId: string, day: string, now: Date) {
    const claims = await this.sheets.claimsToSettle(tx, meetingId, day);
    const byCustomer = new Map<string, SheetClaimEntity[]>();
    for (const c of claims) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
    const locks = new Map((await this.sheets.locks(tx, meetingId, [...byCustomer.keys()])).map((l) => [l.customerId, l]));
    const settled: { customerId: string; holderDepartmentId: string; losers: { departmentId: string; sheetId: string; reason: string }[] }[] = [];
    for (const [customerId, all] of byCustomer) {
      const live = all.filter((c) => c.outcome !== ClaimOutcome.LOST && c.effectiveDay <= day);
      if (!live.length) continue;
      const asClaim = (c: SheetClaimEntity): SheetClaim => ({ sheetId: c.sheetId, departmentId: c.departmentId, effectiveDay: c.effectiveDay, late: c.late, submittedAt: new Date(c.submittedAt) });
      const lock = locks.get(customerId);
      if (lock && lock.sheetId === null) {
        // J-11: a lock a ruling awarded (no sheet took it) is not reopened by precedence; every other claim loses.
        for (const c of live) await this.sheets.settleClaim(tx, c.sheetId, customerId, c.departmentId === lock.departmentId ? ClaimOutcome.LOCKED : ClaimOutcome.LOST, c.departmentId === lock.departmentId ? null : 'AWARDED_BY_RULING');
        const losers = live.filter((c) => c.departmentId !== lock.departmentId).map((c) => ({ departmentId: c.departmentId, sheetId: c.sheetId, reason: 'AWARDED_BY_RULING' }));
        if (losers.length) settled.push({ customerId, holderDepartmentId: lock.departmentId, losers });
        continue;
      }
      const lockClaim = lock ? all.find((c) => c.sheetId === lock.sheetId) : undefined;
      const { winner, losers } = settleClaims(live.map(asClaim), lockClaim ? asClaim(lockClaim) : undefined);
      if (!lock || lock.departmentId !== winner.departmentId || lock.sheetId !== winner.sheetId) {
        await this.sheets.setLock(tx, { meetingId, customerId, departmentId: winner.departmentId, sheetId: winner.sheetId, lockedAt: now });
      }
      await this.sheets.settleClaim(tx, winner.sheetId, customerId, ClaimOutcome.LOCKED, null);
      for (const l of losers) await this.sheets.settleClaim(tx, l.claim.sheetId, customerId, ClaimOutcome.LOST, l.reason);
      // A duplicate is another department's listing; the holder's own supplementary listings are no dispute.
      const rivals = losers.filter((l) => l.claim.departmentId !== winner.departmentId);
      if (rivals.length) settled.push({ customerId, holderDepartmentId: winner.departmentId, losers: rivals.map((l) => ({ departmentId: l.claim.departmentId, sheetId: l.claim.sheetId, reason: l.reason })) });
    }
    return { settled, customers: new Set(byCustomer.keys()) };
  }
}
