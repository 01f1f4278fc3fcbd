import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { AttendanceEntity } from '../check-ins/attendance.entity';
import { currentInvitation } from '../check-ins/holder';
import { SaleErrors } from '../sales/sales.errors';
import { MeetingsService } from '../meetings/meetings.service';
import { RosterRepository } from '../roster/roster.repository';
import { PitchConsentEntity, PitchEntity } from './pitch.entities';
import { GrantConsentDto, StartPitchDto } from './pitches.dto';
import { PitchErrors } from './pitches.errors';

/**
 * J-10 at the meeting: the holder of the customer's invitation presents; the customer's follow-up employee may
 * help only with the holder's consent; never two at once. The sale is credited to the holder whoever helped.
 */
@Injectable()
export class PitchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly roster: RosterRepository,
    private readonly clock: Clock,
  ) {}

  async consent(caller: Principal | undefined, meetingId: string, dto: GrantConsentDto): Promise<PitchConsentEntity> {
    const employeeId = this.employeeOf(caller);
    const meeting = await this.meetings.get(meetingId);
    const holder = await currentInvitation(this.dataSource.manager, meeting.id, dto.customerId);
    if (!holder || holder.employeeId !== employeeId) throw PitchErrors.CONSENT_BY_HOLDER_ONLY();
    const owner = await this.roster.find(dto.customerId);
    if (!owner || owner.ownerId !== dto.employeeId) throw PitchErrors.CONSENT_ONLY_FOR_FOLLOW_UP_EMPLOYEE();
    const consent = { meetingId: meeting.id, customerId: dto.customerId, assistantId: dto.employeeId, grantedBy: employeeId, grantedAt: this.clock.now() };
    await this.dataSource.createQueryBuilder().insert().into(PitchConsentEntity).values(consent).orIgnore().execute();
    return (await this.dataSource.getRepository(PitchConsentEntity).findOneBy({ meetingId: meeting.id, customerId: dto.customerId, assistantId: dto.employeeId }))!;
  }

  async start(caller: Principal | undefined, meetingId: string, dto: StartPitchDto): Promise<PitchEntity> {
    const employeeId = this.employeeOf(caller);
    const meeting = await this.meetings.get(meetingId);
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(AttendanceEntity, { meetingId: meeting.id, customerId: dto.customerId }))) {
      throw SaleErrors.CUSTOMER_NOT_CHECKED_IN(`Customer ${dto.customerId} is not checked in at meeting ${meeting.id}`);
    }
    const holder = await currentInvitation(manager, meeting.id, dto.customerId);
    let role: PitchEntity['role'];
    if (holder?.employeeId === employeeId) role = 'HOLDER';
    else if (await manager.existsBy(PitchConsentEntity, { meetingId: meeting.id, customerId: dto.customerId, assistantId: employeeId })) role = 'ASSISTANT';
    else throw PitchErrors.PITCH_NEEDS_CONSENT();
    try {
      return await manager.save(manager.create(PitchEntity, { meetingId: meeting.id, customerId: dto.customerId, employeeId, role, startedAt: this.clock.now(), endedAt: null }));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const active = await manager.findOneBy(PitchEntity, { meetingId: meeting.id, customerId: dto.customerId, endedAt: IsNull() });
      throw PitchErrors.PITCH_IN_PROGRESS(`Employee ${active?.employeeId} is presenting`, { employeeId: active?.employeeId });
    }
  }

  async end(caller: Principal | undefined, pitchId: string): Promise<PitchEntity> {
    const employeeId = this.employeeOf(caller);
    const pitch = isUUID(pitchId) ? await this.dataSource.getRepository(PitchEntity).findOneBy({ id: pitchId }) : null;
    if (!pitch) throw PitchErrors.PITCH_NOT_FOUND(`No pitch ${pitchId}`);
    if (pitch.employeeId !== employeeId) throw PitchErrors.NOT_YOUR_PITCH();
    if (!pitch.endedAt) {
      pitch.endedAt = this.clock.now();
      await this.dataSource.getRepository(PitchEntity).save(pitch);
    }
    return pitch;
  }

  private employeeOf(caller: Principal | undefined): string {
    if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Pitches are made by staff');
    return caller.employeeId;
  }
}
