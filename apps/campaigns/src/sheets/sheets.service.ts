import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { addDays, businessDate, Clock, isBusinessDate } from '@crm/clock';
import { Transactions, type Page, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { InvitationErrors } from '../invitations/invitations.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { isJoint } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { classifySubmission, daysToReconcile, plannedListProblem, settleClaims, SHEET_FINE_FEN, SheetClaim, sheetFines, SheetMeeting } from './rules';
import { ClaimOutcome, ReconciliationEntity, SheetClaimEntity } from './sheet.entities';
import { SheetErrors } from './sheets.errors';
import { SubmitSheetDto } from './sheets.dto';
import { maySubmitFor } from './sheets.policy';
import { SheetsRepository } from './sheets.repository';
import { SheetReceiptView } from './sheets.view';

/**
 * J-3..J-8: daily sheets of joint meetings, the locks they take, and the reconciliation of each day with its
 * fines for late or missing sheets (run by the `sheet-cutoff` sweep). The timing rules are pure functions in ./rules.
 */
@Injectable()
export class SheetsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sheets: SheetsRepository,
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
    private readonly organisation: OrganisationLookup,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async submit(caller: Principal | undefined, meetingId: string, dto: SubmitSheetDto): Promise<SheetReceiptView> {
    if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Sheets are handed in by staff');
    if (!maySubmitFor(caller, dto.departmentId)) {
      throw CommonErrors.FORBIDDEN("A head hands in their own department's sheet; the coordinator may key in any");
    }
    const meeting = await this.meetings.get(meetingId);
    if (!isJoint(meeting)) throw SheetErrors.SHEETS_ONLY_FOR_JOINT_MEETINGS();
    const index = meeting.departmentIds.indexOf(dto.departmentId);
    if (index < 0) throw SheetErrors.DEPARTMENT_NOT_IN_MEETING(`Department ${dto.departmentId} does not take part in meeting ${meeting.id}`);
    const planned = dto.plannedCustomerIds ?? [];
    if (plannedListProblem(index, planned.length)) throw SheetErrors.PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT();

    const submittedAt = this.clock.now();
    const sheetMeeting: SheetMeeting = { date: meeting.date, slot: meeting.slot };
    return this.transactions.run(async (tx) => {
      // Serialises one department's sheets for one meeting, so "has an on-time sheet for D" cannot race.
      await this.sheets.lockDepartmentSheets(tx, meeting.id, dto.departmentId);
      // classifySubmission only ever asks about the day the sheet is handed in.
      const today = businessDate(submittedAt, this.options.tz);
      const onTimeToday = await this.sheets.hasOnTimeSheetFor(tx, meeting.id, dto.departmentId, today);
      const verdict = classifySubmission({ submittedAt, meeting: sheetMeeting, departmentHasOnTimeSheetFor: (d) => d === today && onTimeToday }, this.options.sheetRules);
      if (verdict.kind === 'TOO_EARLY') throw SheetErrors.SHEET_WINDOW_NOT_OPEN(`Sheets for the meeting of ${meeting.date} are taken from ${addDays(meeting.date, -this.options.sheetRules.windowDays)}`);
      if (verdict.kind === 'CLOSED') throw InvitationErrors.MEETING_CONFIRMATIONS_CLOSED('The meeting-day deadline has passed (J-6)');

      const confirmed = await this.invitations.confirmedOf(tx, meeting.id, dto.departmentId, dto.customerIds);
      const unconfirmed = dto.customerIds.filter((c) => !confirmed.has(c));
      if (unconfirmed.length) throw SheetErrors.SHEET_LISTS_UNCONFIRMED(`Not confirmed by the department: ${unconfirmed.join(', ')}`, { customerIds: unconfirmed });

      const sheetId = await this.sheets.insertSheet(tx, {
        meetingId: meeting.id,
        departmentId: dto.departmentId,
        submittedBy: caller.employeeId,
        submittedAt,
        forDay: verdict.forDay,
        effectiveDay: verdict.effectiveDay,
        late: verdict.late,
        customerIds: dto.customerIds,
        plannedCustomerIds: planned,
      });
      if (!sheetId) throw SheetErrors.SHEET_ALREADY_SUBMITTED(`The sheet for ${verdict.forDay} is in`);

      const receipt: SheetReceiptView = {
        id: sheetId,
        meetingId: meeting.id,
        departmentId: dto.departmentId,
        submittedAt: submittedAt.toISOString(),
        forDay: verdict.forDay,
        effectiveDay: verdict.effectiveDay,
        late: verdict.late,
        locked: [],
        heldByOthers: [],
        pending: [],
      };
      const claim = (customerId: string, outcome: ClaimOutcome, reason: string | null): SheetClaimEntity => ({
        sheetId, customerId, meetingId: meeting.id, departmentId: dto.departmentId, effectiveDay: verdict.effectiveDay, late: verdict.late, submittedAt, outcome, reason,
      });
      if (verdict.late) {
        // J-4: a late sheet claims; the claim is settled at its effective day's reconciliation.
        receipt.pending = dto.customerIds;
        await this.sheets.insertClaims(tx, dto.customerIds.map((c) => claim(c, ClaimOutcome.PENDING, null)));
        return receipt;
      }
      // J-4: an on-time sheet locks at once; the primary key of meeting_locks keeps one holder per customer.
      const lockedNow = await this.sheets.lock(tx, meeting.id, dto.departmentId, sheetId, dto.customerIds, submittedAt);
      const holders = new Map((await this.sheets.locks(tx, meeting.id, dto.customerIds.filter((c) => !lockedNow.has(c)))).map((l) => [l.customerId, l.departmentId]));
      const claims = dto.customerIds.map((c) => {
        const holder = lockedNow.has(c) ? dto.departmentId : holders.get(c);
        if (holder === dto.departmentId) {
          receipt.locked.push(c);
          return claim(c, ClaimOutcome.LOCKED, null);
        }
        receipt.heldByOthers.push({ customerId: c, holderDepartmentId: holder! });
        return claim(c, ClaimOutcome.LOST, 'LOCKED_EARLIER');
      });
      await this.sheets.insertClaims(tx, claims);
      return receipt;
    });
  }

  async reconciliations(meetingId: string, day?: string): Promise<Page<ReconciliationEntity>> {
    if (day !== undefined && !isBusinessDate(day)) throw SheetErrors.INVALID_DAY();
    await this.meetings.get(meetingId);
    return { items: await this.sheets.reconciliations(meetingId, day), nextCursor: null };
  }

  /** The `sheet-cutoff` sweep: every joint-meeting day whose deadline has passed and is not reconciled yet. */
  async reconcileDue(now: Date): Promise<Record<string, unknown>> {
    const today = businessDate(now, this.options.tz);
    const windowDays = this.options.sheetRules.windowDays;
    const meetings = await this.sheets.openJointMeetings(addDays(today, windowDays), windowDays + 1);
    const done: { meetingId: string; day: string }[] = [];
    let finesImposed = 0;
    for (const meeting of meetings) {
      const reconciled = await this.sheets.reconciledDays(meeting.id);
      for (const { day } of daysToReconcile(meeting, now, this.options.sheetRules)) {
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

  /** J-8 for one day, once: settles pending claims, lists duplicates, late and missing sheets, fines (J-7). */
  private async reconcileDay(tx: Tx, meeting: { id: string; departmentIds: string[] }, day: string, now: Date): Promise<{ fines: number } | null> {
    if (!(await this.sheets.startReconciliation(tx, meeting.id, day, now))) return null;

    // J-4: settle every customer with a pending claim effective by today, by precedence.
    const claims = await this.sheets.claimsToSettle(tx, meeting.id, day);
    const byCustomer = new Map<string, SheetClaimEntity[]>();
    for (const c of claims) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
    const locks = new Map((await this.sheets.locks(tx, meeting.id, [...byCustomer.keys()])).map((l) => [l.customerId, l]));
    const settled: { customerId: string; holderDepartmentId: string; losers: { departmentId: string; sheetId: string; reason: string }[] }[] = [];
    for (const [customerId, all] of byCustomer) {
      const live = all.filter((c) => c.outcome !== ClaimOutcome.LOST && c.effectiveDay <= day);
      const asClaim = (c: SheetClaimEntity): SheetClaim => ({ sheetId: c.sheetId, departmentId: c.departmentId, effectiveDay: c.effectiveDay, late: c.late, submittedAt: new Date(c.submittedAt) });
      const lock = locks.get(customerId);
      const lockClaim = lock ? all.find((c) => c.sheetId === lock.sheetId) : undefined;
      const { winner, losers } = settleClaims(live.map(asClaim), lockClaim ? asClaim(lockClaim) : undefined);
      if (!lock || lock.departmentId !== winner.departmentId || lock.sheetId !== winner.sheetId) {
        await this.sheets.setLock(tx, { meetingId: meeting.id, customerId, departmentId: winner.departmentId, sheetId: winner.sheetId, lockedAt: now });
      }
      await this.sheets.settleClaim(tx, winner.sheetId, customerId, ClaimOutcome.LOCKED, null);
      for (const l of losers) await this.sheets.settleClaim(tx, l.claim.sheetId, customerId, ClaimOutcome.LOST, l.reason);
      if (losers.length) settled.push({ customerId, holderDepartmentId: winner.departmentId, losers: losers.map((l) => ({ departmentId: l.claim.departmentId, sheetId: l.claim.sheetId, reason: l.reason })) });
    }
    const lostAtSubmission = (await this.sheets.lostOn(tx, meeting.id, day))
      .filter((c) => !settled.some((s) => s.customerId === c.customerId))
      .map((c) => ({ customerId: c.customerId, departmentId: c.departmentId, sheetId: c.sheetId, reason: c.reason }));

    // J-7: one 10-yuan fine on the head for each late or missing sheet of the day.
    const sheets = await this.sheets.sheetsFor(tx, meeting.id, day);
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
      sheets: sheets.map((s) => ({ id: s.id, departmentId: s.departmentId, late: s.late, effectiveDay: s.effectiveDay, customers: s.customerIds.length })),
      late: verdicts.filter((v) => v.status === 'LATE').map((v) => v.departmentId),
      missing: verdicts.filter((v) => v.status === 'MISSING').map((v) => v.departmentId),
      duplicates: { settled, lostAtSubmission },
      fines,
    };
    await this.sheets.finishReconciliation(tx, meeting.id, day, report);
    return { fines: fines.filter((f) => f.headId).length };
  }
}
