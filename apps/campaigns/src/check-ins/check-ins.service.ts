import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmployee, Principal } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { InvitationErrors } from '../invitations/invitations.errors';
import { MeetingsService } from '../meetings/meetings.service';
import { RosterRepository } from '../roster/roster.repository';
import { AttendanceEntity } from './attendance.entity';
import { CheckInErrors } from './check-ins.errors';
import { CheckInDto } from './check-ins.dto';
import { currentInvitation } from './holder';

/** J-9: attendance, announced as `meeting.attended` with first attendance and referrer (R-1, S-1, V-2 use it). */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly roster: RosterRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async checkIn(caller: Principal | undefined, meetingId: string, dto: CheckInDto): Promise<AttendanceEntity> {
    const meeting = await this.meetings.get(meetingId);
    const now = this.clock.now();
    if (businessDate(now, this.options.tz) !== meeting.date) throw CheckInErrors.CHECK_IN_NOT_OPEN(`The meeting is on ${meeting.date}`);
    if (!(await this.roster.find(dto.customerId))) throw InvitationErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`);
    if (dto.referrerId === dto.customerId) throw CheckInErrors.REFERRER_IS_CUSTOMER();
    if (dto.referrerId && !(await this.roster.find(dto.referrerId))) throw CheckInErrors.REFERRER_NOT_FOUND(`No customer ${dto.referrerId}`);

    return this.dataSource.transaction(async (manager) => {
      // One customer's check-ins one at a time, so exactly one of them is the first attendance.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attendance:${dto.customerId}`]);
      if (await manager.existsBy(AttendanceEntity, { meetingId: meeting.id, customerId: dto.customerId })) {
        throw CheckInErrors.ALREADY_CHECKED_IN();
      }
      const firstAttendance = !(await manager.existsBy(AttendanceEntity, { customerId: dto.customerId }));
      const invitation = await currentInvitation(manager, meeting.id, dto.customerId);
      const attendance = await manager.save(
        manager.create(AttendanceEntity, {
          meetingId: meeting.id,
          customerId: dto.customerId,
          referrerId: dto.referrerId ?? null,
          invitationId: invitation?.id ?? null,
          departmentId: invitation?.departmentId ?? null,
          employeeId: invitation?.employeeId ?? null,
          firstAttendance,
          checkedInAt: now,
          checkedInBy: isEmployee(caller) ? caller.employeeId : null,
        }),
      );
      await this.outbox.append(manager, [
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
}
