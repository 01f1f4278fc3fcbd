import { Inject, Injectable } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { OrganisationErrors } from '../organisation/organisation.errors';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { OutreachEventEntity } from './outreach-event.entity';
import { RecordOutreachEventDto } from './outreach.dto';
import { OutreachErrors } from './outreach.errors';
import { mayRecordFor } from './outreach.policy';
import { OutreachRepository } from './outreach.repository';

/** O-1: records an outreach event and announces it, so customers can allocate its archives (O-4). */
@Injectable()
export class OutreachService {
  constructor(
    private readonly transactions: Transactions,
    private readonly events: OutreachRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly organisation: OrganisationLookup,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async record(caller: Principal | undefined, dto: RecordOutreachEventDto): Promise<OutreachEventEntity> {
    if (!mayRecordFor(caller, dto.departmentId)) {
      throw OrganisationErrors.NOT_YOUR_DEPARTMENT('A head records the outreach events of their own department');
    }
    const now = this.clock.now();
    if (dto.date > businessDate(now, this.options.tz)) throw OutreachErrors.OUTREACH_DATE_IN_FUTURE(`${dto.date} has not come yet`);
    await this.organisation.department(dto.departmentId);
    const participants = await this.organisation.employees(dto.participantIds);
    const outsiders = participants.filter((p) => p.departmentId !== dto.departmentId).map((p) => p.id);
    if (outsiders.length) {
      throw OutreachErrors.PARTICIPANT_NOT_IN_DEPARTMENT(`Not in the department: ${outsiders.join(', ')}`, { employeeIds: outsiders });
    }
    return this.transactions.run(async (tx) => {
      const event = await this.events.insert(tx, {
        departmentId: dto.departmentId,
        date: dto.date,
        participantIds: dto.participantIds,
        recordedBy: isEmployee(caller) ? caller.employeeId : null,
      });
      await this.outbox.append(tx, [
        {
          name: 'outreach.recorded',
          payload: { outreachEventId: event.id, departmentId: event.departmentId, date: event.date, participantIds: event.participantIds, recordedAt: now.toISOString() },
        },
      ]);
      return event;
    });
  }

  async get(id: string): Promise<OutreachEventEntity> {
    const event = await this.events.find(id);
    if (!event) throw OutreachErrors.OUTREACH_EVENT_NOT_FOUND(`No outreach event ${id}`);
    return event;
  }
}
