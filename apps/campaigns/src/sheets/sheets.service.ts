import { Injectable, Inject } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { addDays, Clock, isBusinessDate } from '@crm/clock';
import { Transactions, type Page, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { InvitationErrors } from '../invitations/invitations.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { isJoint, MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { assertTakesPart, departmentScope } from '../organisation/department-scope';
import { classifySubmission, plannedListProblem, SubmissionVerdict } from './rules';
import { ClaimOutcome, ReconciliationEntity, SheetClaimEntity, SheetEntity } from './sheet.entities';
import { SheetErrors } from './sheets.errors';
import { SubmitSheetDto } from './sheets.dto';
import { maySubmitFor } from './sheets.policy';
import { SheetsRepository } from './sheets.repository';
import { SheetReceiptView } from './sheets.view';

/**
 * J-3..J-6, J-12: daily sheets of joint meetings (supplementary ones included), the locks they take (J-4) and the
 * speakers they reserve (J-12). The timing rules are pure functions in ./rules; the reconciliation of each day with
 * its fines is SheetReconciliationService's (run by the `sheet-cutoff` sweep).
 */
@Injectable()
export class SheetsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sheets: SheetsRepository,
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
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
    const speakers = dto.speakerCustomerIds ?? [];
    const offSheet = speakers.filter((c) => !dto.customerIds.includes(c) && !planned.includes(c));
    if (offSheet.length) throw SheetErrors.SPEAKER_NOT_ON_SHEET(`Not listed on the sheet: ${offSheet.join(', ')}`, { customerIds: offSheet });

    const submittedAt = this.clock.now();
    return this.transactions.run(async (tx) => {
      // Serialises one department's sheets for one meeting.
      await this.sheets.lockDepartmentSheets(tx, meeting.id, dto.departmentId);
      const verdict = classifySubmission({ submittedAt, meeting: { date: meeting.date, slot: meeting.slot } }, this.options.sheetRules);
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
        speakerCustomerIds: speakers,
      });
      await this.reserveSpeakers(tx, meeting, dto.departmentId, sheetId, speakers, submittedAt);
      return this.claim(tx, meeting, dto.departmentId, sheetId, verdict, dto.customerIds, speakers, submittedAt);
    });
  }

  /** J-12: the sheet's speakers reserved to the department; refused (nothing stored) when another department holds one. */
  private async reserveSpeakers(tx: Tx, meeting: MeetingEntity, departmentId: string, sheetId: string, speakers: string[], at: Date): Promise<void> {
    if (!speakers.length) return;
    const lockedByOthers = (await this.sheets.locks(tx, meeting.id, speakers)).filter((l) => l.departmentId !== departmentId);
    const holders = await this.sheets.reserveSpeakers(tx, { meetingId: meeting.id, departmentId, sheetId, customerIds: speakers, at });
    const held = [...lockedByOthers.map((l) => [l.customerId, l.departmentId] as const), ...[...holders].filter(([, d]) => d !== departmentId)];
    if (held.length) {
      const [customerId, holderDepartmentId] = held[0];
      throw InvitationErrors.SPEAKER_RESERVED_BY_OTHER_DEPARTMENT(`Department ${holderDepartmentId} holds customer ${customerId} for the meeting`, { customerId, holderDepartmentId });
    }
  }

  /** J-4: an on-time sheet locks its customers at once, a late one claims them; customers another department holds (lock or speaker, J-12) are lost. */
  private async claim(
    tx: Tx,
    meeting: MeetingEntity,
    departmentId: string,
    sheetId: string,
    verdict: Extract<SubmissionVerdict, { kind: 'ACCEPTED' }>,
    customerIds: string[],
    speakers: string[],
    submittedAt: Date,
  ): Promise<SheetReceiptView> {
    const receipt: SheetReceiptView = {
      id: sheetId,
      meetingId: meeting.id,
      departmentId,
      submittedAt: submittedAt.toISOString(),
      forDay: verdict.forDay,
      effectiveDay: verdict.effectiveDay,
      late: verdict.late,
      locked: [],
      heldByOthers: [],
      pending: [],
      speakers,
    };
    const claim = (customerId: string, outcome: ClaimOutcome, reason: string | null): SheetClaimEntity => ({
      sheetId, customerId, meetingId: meeting.id, departmentId, effectiveDay: verdict.effectiveDay, late: verdict.late, submittedAt, outcome, reason,
    });
    // J-12: a customer another department reserved as its speaker is never locked or claimed by this one.
    const reservedByOthers = new Map([...(await this.sheets.speakerHolders(tx, meeting.id, customerIds))].filter(([, d]) => d !== departmentId));
    const open = customerIds.filter((c) => !reservedByOthers.has(c));
    const claims: SheetClaimEntity[] = [...reservedByOthers].map(([c, holder]) => {
      receipt.heldByOthers.push({ customerId: c, holderDepartmentId: holder });
      return claim(c, ClaimOutcome.LOST, 'RESERVED_AS_SPEAKER');
    });
    if (verdict.late) {
      // J-4: a late sheet claims; the claim is settled at its effective day's reconciliation.
      receipt.pending = open;
      await this.sheets.insertClaims(tx, [...claims, ...open.map((c) => claim(c, ClaimOutcome.PENDING, null))]);
      return receipt;
    }
    // J-4: an on-time sheet locks at once; the primary key of meeting_locks keeps one holder per customer.
    const lockedNow = await this.sheets.lock(tx, meeting.id, departmentId, sheetId, open, submittedAt);
    const holders = new Map((await this.sheets.locks(tx, meeting.id, open.filter((c) => !lockedNow.has(c)))).map((l) => [l.customerId, l.departmentId]));
    for (const c of open) {
      const holder = lockedNow.has(c) ? departmentId : holders.get(c);
      if (holder === departmentId) {
        receipt.locked.push(c);
        claims.push(claim(c, ClaimOutcome.LOCKED, null));
      } else {
        receipt.heldByOthers.push({ customerId: c, holderDepartmentId: holder! });
        claims.push(claim(c, ClaimOutcome.LOST, 'LOCKED_EARLIER'));
      }
    }
    await this.sheets.insertClaims(tx, claims);
    return receipt;
  }

  /**
   * The sheets of a meeting handed in for `day` (every day when none): department staff see their own department's,
   * company-wide roles every department's (or the one they ask for); staff of a department not in the meeting are refused.
   */
  async list(caller: Principal | undefined, meetingId: string, query: { day?: string; departmentId?: string }): Promise<Page<SheetEntity>> {
    if (query.day !== undefined && !isBusinessDate(query.day)) throw SheetErrors.INVALID_DAY();
    const departmentId = departmentScope(caller, query.departmentId);
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    return { items: await this.sheets.listSheets(meeting.id, { day: query.day, departmentId }), nextCursor: null };
  }

  /** J-8: the days' reconciliations, for the departments of the meeting and company-wide roles. */
  async reconciliations(caller: Principal | undefined, meetingId: string, day?: string): Promise<Page<ReconciliationEntity>> {
    if (day !== undefined && !isBusinessDate(day)) throw SheetErrors.INVALID_DAY();
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    return { items: await this.sheets.reconciliations(meeting.id, day), nextCursor: null };
  }
}
