import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isEmployee, Principal, Role } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { MeetingsService } from '../meetings/meetings.service';
import { assertTakesPart } from '../organisation/department-scope';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { DisputeAward } from './dispute-award';
import { DisputeEntity, DisputeStatus } from './dispute.entities';
import { RecordDisputeDto, RuleDisputeDto } from './disputes.dto';
import { DisputeErrors } from './disputes.errors';
import { DisputesRepository } from './disputes.repository';

/** J-11: 100 yuan for each party who argued in front of customers. */
export const DISPUTE_FINE_FEN = 10_000;

/**
 * J-11: disputes recorded, settled after the meeting by the coordinator, escalated to the general manager; a RULED
 * award takes effect (DisputeAward): the customer's lock and sales credit at the meeting move to it.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly disputes: DisputesRepository,
    private readonly meetings: MeetingsService,
    private readonly organisation: OrganisationLookup,
    private readonly award: DisputeAward,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async record(caller: Principal | undefined, meetingId: string, dto: RecordDisputeDto): Promise<DisputeEntity> {
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    const parties = await this.organisation.employees(dto.partyEmployeeIds);
    const departments = new Set(parties.map((p) => p.departmentId).filter((d) => d !== null));
    if (departments.size < 2) throw DisputeErrors.DISPUTE_NEEDS_TWO_DEPARTMENTS();
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const dispute = await this.disputes.insert(tx, {
        meetingId: meeting.id,
        customerId: dto.customerId ?? null,
        partyEmployeeIds: dto.partyEmployeeIds,
        description: dto.description,
        arguedInFrontOfCustomers: dto.arguedInFrontOfCustomers,
        status: DisputeStatus.OPEN,
        recordedBy: isEmployee(caller) ? caller.employeeId : null,
        recordedAt: now,
        ruling: null,
        awardedDepartmentId: null,
        awardedEmployeeId: null,
        ruledBy: null,
        ruledAt: null,
      });
      if (dto.arguedInFrontOfCustomers) {
        const fines = parties.map((p) => ({ disputeId: dispute.id, employeeId: p.id, fineId: randomUUID(), departmentId: p.departmentId }));
        await this.disputes.insertFines(tx, fines.map(({ disputeId, employeeId, fineId }) => ({ disputeId, employeeId, fineId })));
        await this.outbox.append(
          tx,
          fines
            .filter((f) => f.departmentId !== null)
            .map((f) => ({
              name: 'fine.imposed' as const,
              payload: { fineId: f.fineId, employeeId: f.employeeId, departmentId: f.departmentId!, amountFen: DISPUTE_FINE_FEN, rule: 'J-11' as const, sourceId: dispute.id, imposedAt: now.toISOString() },
            })),
        );
      }
      return dispute;
    });
  }

  async rule(caller: Principal | undefined, disputeId: string, dto: RuleDisputeDto): Promise<DisputeEntity> {
    if (!isUUID(disputeId)) throw DisputeErrors.DISPUTE_NOT_FOUND(`No dispute ${disputeId}`);
    if (dto.awardedEmployeeId && !dto.awardedDepartmentId) throw DisputeErrors.AWARD_NEEDS_DEPARTMENT();
    const role = isEmployee(caller) ? caller.role : null;
    return this.transactions.run(async (tx) => {
      const dispute = await this.disputes.findForUpdate(tx, disputeId);
      if (!dispute) throw DisputeErrors.DISPUTE_NOT_FOUND(`No dispute ${disputeId}`);
      if (dispute.status === DisputeStatus.RULED) throw DisputeErrors.DISPUTE_ALREADY_RULED();
      const meeting = await this.meetings.get(dispute.meetingId, tx);
      const now = this.clock.now();
      if (businessDate(now, this.options.tz) < meeting.date) throw DisputeErrors.RULING_BEFORE_MEETING(`The meeting is on ${meeting.date}`);
      if (role === Role.COORDINATOR && dispute.status === DisputeStatus.ESCALATED) throw DisputeErrors.DISPUTE_ESCALATED();
      if (role === Role.GENERAL_MANAGER && dispute.status !== DisputeStatus.ESCALATED) throw DisputeErrors.DISPUTE_NOT_ESCALATED();
      if (dto.outcome === 'ESCALATED' && dispute.status === DisputeStatus.ESCALATED) throw DisputeErrors.DISPUTE_ESCALATED('It is with the general manager already');
      if (dto.awardedDepartmentId) await this.organisation.department(dto.awardedDepartmentId);
      const ruled = dto.outcome === 'RULED';
      dispute.status = ruled ? DisputeStatus.RULED : DisputeStatus.ESCALATED;
      dispute.ruling = dto.ruling;
      dispute.awardedDepartmentId = dto.awardedDepartmentId ?? null;
      dispute.awardedEmployeeId = dto.awardedEmployeeId ?? null;
      dispute.ruledBy = isEmployee(caller) ? caller.employeeId : null;
      dispute.ruledAt = now;
      if (ruled && dto.awardedDepartmentId && dispute.customerId) {
        dispute.awardedEmployeeId = await this.award.takeEffect(tx, { meeting, disputeId: dispute.id, customerId: dispute.customerId, at: now }, dto.awardedDepartmentId, dto.awardedEmployeeId);
      }
      return this.disputes.save(tx, dispute);
    });
  }

  /** A dispute, for the coordinator, the general manager, the admin, and the heads of the meeting's departments. */
  async get(caller: Principal | undefined, id: string): Promise<DisputeEntity> {
    const dispute = isUUID(id) ? await this.disputes.find(id) : null;
    if (!dispute) throw DisputeErrors.DISPUTE_NOT_FOUND(`No dispute ${id}`);
    assertTakesPart(caller, await this.meetings.get(dispute.meetingId));
    return dispute;
  }
}
