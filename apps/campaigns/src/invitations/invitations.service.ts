import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isEmployee, Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions, type Page, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { assertDepartmentRecord, assertTakesPart, departmentScope } from '../organisation/department-scope';
import { meetingDayDeadline } from '../meetings/meeting-day';
import { UnderServedService } from '../under-served/under-served.service';
import { InvitationEntity, InvitationStatus } from './invitation.entity';
import { isTakeover, mayInvite } from './invitation-rules';
import { InvitationQueryDto } from './invitations.dto';
import { InvitationErrors } from './invitations.errors';
import { InvitationsRepository } from './invitations.repository';

interface Inviter {
  employeeId: string;
  departmentId: string;
  role: Role;
}

/**
 * J-2 invitations and confirmations, refused under another department's lock (J-4) or speaker reservation (J-12) and
 * after J-6; inviting another department's under-served customer files a takeover report (V-2).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly invitations: InvitationsRepository,
    private readonly meetings: MeetingsService,
    private readonly customers: UnderServedService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async invite(caller: Principal | undefined, meetingId: string, customerId: string): Promise<InvitationEntity> {
    const inviter = this.inviterOf(caller);
    const meeting = await this.meetings.get(meetingId);
    // Staff of a department outside the meeting learn nothing more about it (not even whether it still takes invitations).
    if (!meeting.departmentIds.includes(inviter.departmentId)) {
      throw InvitationErrors.DEPARTMENT_NOT_IN_MEETING(`Department ${inviter.departmentId} does not take part in meeting ${meeting.id}`);
    }
    this.assertOpen(meeting);
    // Read your writes: a customer registered a moment ago may still be on its way from customers.
    const owner = await this.customers.findAwaiting(customerId);
    if (!owner) throw InvitationErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
    const allowed = mayInvite({
      inviterDepartmentId: inviter.departmentId,
      meetingDepartmentIds: meeting.departmentIds,
      ownerDepartmentId: owner.departmentId,
      underServed: owner.underServed,
    });
    if (!allowed) {
      throw InvitationErrors.CUSTOMER_NOT_IN_DEPARTMENT(`The customer belongs to department ${owner.departmentId}, which this meeting does not share`, {
        ownerDepartmentId: owner.departmentId,
      });
    }
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      await this.assertNotHeldByOther(meeting.id, customerId, inviter.departmentId, tx);
      const created = await this.invitations.insert(tx, {
        meetingId: meeting.id,
        customerId,
        employeeId: inviter.employeeId,
        departmentId: inviter.departmentId,
        status: InvitationStatus.INVITED,
        invitedAt: now,
        confirmedAt: null,
      });
      if (!created) {
        const existing = await this.invitations.ofDepartment(tx, meeting.id, customerId, inviter.departmentId);
        throw InvitationErrors.ALREADY_INVITED(`Invitation ${existing?.id} already exists`, { invitationId: existing?.id });
      }
      if (isTakeover({ inviterDepartmentId: inviter.departmentId, ownerDepartmentId: owner.departmentId, underServed: owner.underServed })) {
        // V-2: inviting another department's under-served customer files a takeover report, with the invitation.
        await this.outbox.append(tx, [
          {
            name: 'takeover.reported',
            payload: {
              invitationId: created.id,
              meetingId: meeting.id,
              customerId,
              ownerId: owner.ownerId,
              departmentId: owner.departmentId,
              reportingEmployeeId: inviter.employeeId,
              reportingDepartmentId: inviter.departmentId,
              reportedAt: now.toISOString(),
            },
          },
        ]);
      }
      return created;
    });
  }

  async confirm(caller: Principal | undefined, invitationId: string): Promise<InvitationEntity> {
    const confirmer = this.inviterOf(caller);
    if (!isUUID(invitationId)) throw InvitationErrors.INVITATION_NOT_FOUND(`No invitation ${invitationId}`);
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.findForUpdate(tx, invitationId);
      if (!invitation) throw InvitationErrors.INVITATION_NOT_FOUND(`No invitation ${invitationId}`);
      const isHead = confirmer.role === Role.DEPARTMENT_HEAD && confirmer.departmentId === invitation.departmentId;
      if (confirmer.employeeId !== invitation.employeeId && !isHead) throw InvitationErrors.NOT_YOUR_INVITATION();
      if (invitation.status === InvitationStatus.CONFIRMED) return invitation;
      this.assertOpen(await this.meetings.get(invitation.meetingId, tx));
      await this.assertNotHeldByOther(invitation.meetingId, invitation.customerId, invitation.departmentId, tx);
      invitation.status = InvitationStatus.CONFIRMED;
      invitation.confirmedAt = this.clock.now();
      return this.invitations.save(tx, invitation);
    });
  }

  /** An invitation, for its department's staff or a company-wide role (as the meeting's list of invitations). */
  async get(caller: Principal | undefined, id: string): Promise<InvitationEntity> {
    const invitation = isUUID(id) ? await this.invitations.find(id) : null;
    if (!invitation) throw InvitationErrors.INVITATION_NOT_FOUND(`No invitation ${id}`);
    assertDepartmentRecord(caller, invitation.departmentId);
    return invitation;
  }

  /** A meeting's invitations: staff of a department see their department's, company-wide roles any. */
  async list(caller: Principal | undefined, meetingId: string, query: InvitationQueryDto, limit: number): Promise<Page<InvitationEntity>> {
    const departmentId = departmentScope(caller, query.departmentId);
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    return this.invitations.pageOfMeeting(meeting.id, { departmentId, status: query.status, customerId: query.customerId }, { limit, cursor: query.cursor });
  }

  /** J-10: the invitation the customer comes to the meeting on (the lock's holder, else the first confirmed), or null. */
  holding(meetingId: string, customerId: string, tx?: Tx): Promise<InvitationEntity | null> {
    return this.invitations.holding(meetingId, customerId, tx);
  }

  /** The department's invitation of the customer to the meeting, or null (J-11: the award's default employee). */
  ofDepartment(tx: Tx, meetingId: string, customerId: string, departmentId: string): Promise<InvitationEntity | null> {
    return this.invitations.ofDepartment(tx, meetingId, customerId, departmentId);
  }

  /** J-11: a ruling's award holds the customer for the meeting from now on (no sheet took this lock). */
  award(tx: Tx, lock: { meetingId: string; customerId: string; departmentId: string; at: Date }): Promise<void> {
    return this.invitations.award(tx, lock);
  }

  /** J-3: which of these customers the department has confirmed for the meeting. */
  confirmedOf(tx: Tx, meetingId: string, departmentId: string, customerIds: string[]): Promise<Set<string>> {
    return this.invitations.confirmedOf(tx, meetingId, departmentId, customerIds);
  }

  /** Invitations of many customers at once, newest first (the `Customer.invitations` loader). */
  ofCustomers(customerIds: readonly string[]): Promise<InvitationEntity[]> {
    return this.invitations.ofCustomers(customerIds);
  }

  private inviterOf(caller: Principal | undefined): Inviter {
    if (!isEmployee(caller) || !caller.departmentId) throw CommonErrors.FORBIDDEN('Invitations are made by staff of a department');
    return { employeeId: caller.employeeId, departmentId: caller.departmentId, role: caller.role };
  }

  /** J-6: after the meeting-day deadline (10:00 afternoon, 16:00 evening) nothing new for the meeting. */
  private assertOpen(meeting: MeetingEntity): void {
    const deadline = meetingDayDeadline({ date: meeting.date, slot: meeting.slot }, this.options.sheetRules);
    if (this.clock.now().getTime() >= deadline.getTime()) {
      throw InvitationErrors.MEETING_CONFIRMATIONS_CLOSED(`Closed at ${deadline.toISOString()}`, { closedAt: deadline.toISOString() });
    }
  }

  /**
   * J-4: once locked, no other department may invite or confirm; J-12: nor once another department lined the customer
   * up to speak. The refusal names the holder.
   */
  private async assertNotHeldByOther(meetingId: string, customerId: string, departmentId: string, tx: Tx): Promise<void> {
    const lock = await this.invitations.lockOf(meetingId, customerId, tx);
    if (lock && lock.departmentId !== departmentId) {
      throw InvitationErrors.INVITATION_LOCKED_BY_OTHER_DEPARTMENT(`Department ${lock.departmentId} holds this customer for the meeting`, {
        holderDepartmentId: lock.departmentId,
        lockedAt: lock.lockedAt.toISOString(),
      });
    }
    const speaker = await this.invitations.speakerReservationOf(meetingId, customerId, tx);
    if (speaker && speaker.departmentId !== departmentId) {
      throw InvitationErrors.SPEAKER_RESERVED_BY_OTHER_DEPARTMENT(`Department ${speaker.departmentId} lined this customer up to speak at the meeting`, {
        holderDepartmentId: speaker.departmentId,
        reservedAt: speaker.reservedAt.toISOString(),
      });
    }
  }
}
