import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isEmployee, Principal } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { Transactions, type Tx } from '@crm/database';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { OrganisationErrors } from '../organisation/organisation.errors';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { MeetingEntity } from './meeting.entity';
import { MeetingFilter, MeetingsRepository } from './meetings.repository';
import { CreateMeetingDto } from './meetings.dto';
import { MeetingErrors } from './meetings.errors';
import { mayScheduleFor } from './meetings.policy';

/** J-1: meetings, single or joint. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingsRepository,
    private readonly organisation: OrganisationLookup,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async create(caller: Principal | undefined, dto: CreateMeetingDto): Promise<MeetingEntity> {
    if (!mayScheduleFor(caller, dto.departmentIds)) {
      throw OrganisationErrors.NOT_YOUR_DEPARTMENT('A head plans meetings their own department takes part in');
    }
    const today = businessDate(this.clock.now(), this.options.tz);
    if (dto.date < today) throw MeetingErrors.MEETING_DATE_IN_PAST(`${dto.date} is before ${today}`);
    await this.organisation.departments(dto.departmentIds);
    return this.transactions.run((tx) =>
      this.meetings.insert(tx, {
        date: dto.date,
        slot: dto.slot,
        venue: dto.venue,
        departmentIds: dto.departmentIds,
        createdBy: isEmployee(caller) ? caller.employeeId : null,
        // J-3/J-7: when the meeting came to exist, by the suite's clock: no sheet is owed for a day before it.
        createdAt: this.clock.now(),
      }),
    );
  }

  /** Pass the transaction when inside one: a second pooled connection per request can exhaust the pool. */
  async get(id: string, tx?: Tx): Promise<MeetingEntity> {
    // GraphQL ids arrive unchecked: an id that is not a UUID names no meeting (and must not reach SQL).
    const meeting = isUUID(id) ? await this.meetings.find(id, tx) : null;
    if (!meeting) throw MeetingErrors.MEETING_NOT_FOUND(`No meeting ${id}`);
    return meeting;
  }

  /** The meeting, or null (GraphQL's nullable `meeting(id)`). */
  async find(id: string): Promise<MeetingEntity | null> {
    return isUUID(id) ? this.meetings.find(id) : null;
  }

  /** Meetings by id, for the GraphQL loaders (one query per request). */
  findMany(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.meetings.findMany(ids);
  }

  list(filter: MeetingFilter, limit: number, cursor?: string) {
    return this.meetings.page(filter, limit, cursor);
  }
}
