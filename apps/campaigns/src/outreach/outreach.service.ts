import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmployee, Principal, Role } from '@crm/auth';
import { businessDate, Clock } from '@crm/clock';
import { OutboxWriter } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { OrganisationErrors } from '../organisation/organisation.errors';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { OutreachEventEntity } from './outreach-event.entity';
import { RecordOutreachEventDto } from './outreach.dto';
import { OutreachErrors } from './outreach.errors';

/** Roles that record any department's outreach events; a head records only their own department's. */
const COMPANY_ROLES: readonly Role[] = [Role.CRM_CLERK, Role.GENERAL_MANAGER, Role.ADMIN];

/** O-1: records an outreach event and announces it, so customers can allocate its archives (O-4). */
@Injectable()
export class OutreachService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly organisation: OrganisationLookup,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  async record(caller: Principal | undefined, dto: RecordOutreachEventDto): Promise<OutreachEventEntity> {
    if (isEmployee(caller) && !COMPANY_ROLES.includes(caller.role) && caller.departmentId !== dto.departmentId) {
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
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.save(
        manager.create(OutreachEventEntity, {
          departmentId: dto.departmentId,
          date: dto.date,
          participantIds: dto.participantIds,
          recordedBy: isEmployee(caller) ? caller.employeeId : null,
        }),
      );
      await this.outbox.append(manager, [
        {
          name: 'outreach.recorded',
          payload: { outreachEventId: event.id, departmentId: event.departmentId, date: event.date, participantIds: event.participantIds, recordedAt: now.toISOString() },
        },
      ]);
      return event;
    });
  }

  async get(id: string): Promise<OutreachEventEntity> {
    const event = await this.dataSource.getRepository(OutreachEventEntity).findOneBy({ id });
    if (!event) throw OutreachErrors.OUTREACH_EVENT_NOT_FOUND(`No outreach event ${id}`);
    return event;
  }
}
