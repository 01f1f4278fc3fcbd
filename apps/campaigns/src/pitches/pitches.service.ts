import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { CommonErrors } from '@crm/errors';
import { CheckInsService } from '../check-ins/check-ins.service';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingsService } from '../meetings/meetings.service';
import { assertTakesPart } from '../organisation/department-scope';
import { SaleErrors } from '../sales/sales.errors';
import { UnderServedService } from '../under-served/under-served.service';
import { PitchConsentEntity, PitchEntity } from './pitch.entities';
import { GrantConsentDto, StartPitchDto } from './pitches.dto';
import { PitchErrors } from './pitches.errors';
import { PitchesRepository } from './pitches.repository';

/**
 * J-10 at the meeting: the holder of the customer's invitation presents; the customer's follow-up employee may
 * help only with the holder's consent; never two at once. The sale is credited to the holder whoever helped.
 */
@Injectable()
export class PitchesService {
  constructor(
    private readonly pitches: PitchesRepository,
    private readonly meetings: MeetingsService,
    private readonly checkIns: CheckInsService,
    private readonly invitations: InvitationsService,
    private readonly customers: UnderServedService,
    private readonly clock: Clock,
  ) {}

  async consent(caller: Principal | undefined, meetingId: string, dto: GrantConsentDto): Promise<PitchConsentEntity> {
    const employeeId = this.employeeOf(caller);
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    const holder = await this.invitations.holding(meeting.id, dto.customerId);
    if (!holder || holder.employeeId !== employeeId) throw PitchErrors.CONSENT_BY_HOLDER_ONLY();
    const owner = await this.customers.find(dto.customerId);
    if (!owner || owner.ownerId !== dto.employeeId) throw PitchErrors.CONSENT_ONLY_FOR_FOLLOW_UP_EMPLOYEE();
    const consent = { meetingId: meeting.id, customerId: dto.customerId, assistantId: dto.employeeId, grantedBy: employeeId, grantedAt: this.clock.now() };
    return this.pitches.grantConsent(consent);
  }

  async start(caller: Principal | undefined, meetingId: string, dto: StartPitchDto): Promise<PitchEntity> {
    const employeeId = this.employeeOf(caller);
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    if (!(await this.checkIns.attendance(meeting.id, dto.customerId))) {
      throw SaleErrors.CUSTOMER_NOT_CHECKED_IN(`Customer ${dto.customerId} is not checked in at meeting ${meeting.id}`);
    }
    const holder = await this.invitations.holding(meeting.id, dto.customerId);
    let role: PitchEntity['role'];
    if (holder?.employeeId === employeeId) role = 'HOLDER';
    else if (await this.pitches.hasConsent(meeting.id, dto.customerId, employeeId)) role = 'ASSISTANT';
    else throw PitchErrors.PITCH_NEEDS_CONSENT();
    const pitch = await this.pitches.start({ meetingId: meeting.id, customerId: dto.customerId, employeeId, role, startedAt: this.clock.now(), endedAt: null });
    if (pitch) return pitch;
    const active = await this.pitches.active(meeting.id, dto.customerId);
    throw PitchErrors.PITCH_IN_PROGRESS(`Employee ${active?.employeeId} is presenting`, { employeeId: active?.employeeId });
  }

  async end(caller: Principal | undefined, pitchId: string): Promise<PitchEntity> {
    const employeeId = this.employeeOf(caller);
    const pitch = isUUID(pitchId) ? await this.pitches.find(pitchId) : null;
    if (!pitch) throw PitchErrors.PITCH_NOT_FOUND(`No pitch ${pitchId}`);
    if (pitch.employeeId !== employeeId) throw PitchErrors.NOT_YOUR_PITCH();
    if (!pitch.endedAt) {
      pitch.endedAt = this.clock.now();
      await this.pitches.save(pitch);
    }
    return pitch;
  }

  private employeeOf(caller: Principal | undefined): string {
    if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Pitches are made by staff');
    return caller.employeeId;
  }
}
