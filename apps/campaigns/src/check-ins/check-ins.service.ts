import { Inject, Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { Transactions, type Tx } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { InvitationErrors } from '../invitations/invitations.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingsService } from '../meetings/meetings.service';
import { assertTakesPart } from '../organisation/department-scope';
import { UnderServedService } from '../under-served/under-served.service';
import { AttendanceEntity } from './attendance.entity';
import { CheckInErrors } from './check-ins.errors';
import { CheckInDto } from './check-ins.dto';
import { CheckInsRepository } from './check-ins.repository';

/** J-9: attendance, announced as `meeting.attended` with first attendance and referrer (R-1, S-1, V-2 use it). */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly attendances: CheckInsRepository,
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
    private readonly customers: UnderServedService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async checkIn(caller: Principal | undefined, meetingId: string, dto: CheckInDto): Promise<AttendanceEntity> {
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    const now = this.clock.now();
    if (businessDate(now, this.options.tz) !== meeting.date) throw CheckInErrors.CHECK_IN_NOT_OPEN(`The meeting is on ${meeting.date}`);
    // Read your writes: a customer (or referrer) registered a moment ago may still be on its way from customers.
    if (!(await this.customers.findAwaiting(dto.customerId))) throw InvitationErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`);
    if (dto.referrerId === dto.customerId) throw CheckInErrors.REFERRER_IS_CUSTOMER();
    if (dto.referrerId && !(await this.customers.findAwaiting(dto.referrerId))) throw CheckInErrors.REFERRER_NOT_FOUND(`No customer ${dto.referrerId}`);

    return this.transactions.run(async (tx) => {
      // One customer's check-ins one at a time, so exactly one of them is the first attendance.
      await this.attendances.lockCustomer(tx, dto.customerId);
      if (await this.attendances.exists(meeting.id, dto.customerId, tx)) {
        throw CheckInErrors.ALREADY_CHECKED_IN();
      }
      const firstAttendance = !(await this.attendances.hasAttended(tx, dto.customerId));
      const invitation = await this.invitations.holding(meeting.id, dto.customerId, tx);
      const attendance = await this.attendances.insert(tx, {
        meetingId: meeting.id,
        customerId: dto.customerId,
        referrerId: dto.referrerId ?? null,
        invitationId: invitation?.id ?? null,
        departmentId: invitation?.departmentId ?? null,
        employeeId: invitation?.employeeId ?? null,
        firstAttendance,
        checkedInAt: now,
        checkedInBy: isEmployee(caller) ? caller.employeeId : null,
      });
      await this.outbox.append(tx, [
        {
          name: 'meeting.attended',
          payload: {
            meetingId: meeting.id,
            meetingDate: meeting.date,
            slot: meeting.slot,
            customerId: dto.customerId,
            attendedAt: now.toISOString(),
            firstAttendance,
            referrerId: attendance.referrerId,
            departmentId: attendance.departmentId,
            invitationId: attendance.invitationId,
          },
        },
      ]);
      return attendance;
    });
  }

  /** The customer's attendance at the meeting (J-9), or null: a sale or a pitch needs one. */
  attendance(meetingId: string, customerId: string, tx?: Tx): Promise<AttendanceEntity | null> {
    return this.attendances.find(meetingId, customerId, tx);
  }
}
