import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { keysetPage } from '@crm/database';
import { MeetingEntity } from './meeting.entity';

export interface MeetingFilter {
  from?: string;
  departmentId?: string;
}

/** Every query on meetings. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, meeting: Partial<MeetingEntity>): Promise<MeetingEntity> {
    return manager.save(manager.create(MeetingEntity, meeting));
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingEntity | null> {
    return manager.findOneBy(MeetingEntity, { id });
  }

  findMany(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.dataSource.getRepository(MeetingEntity).findBy({ id: In([...ids]) });
  }

  /** Keyset pages in date order (then id), so a page never repeats or skips a meeting. */
  async page(filter: MeetingFilter, limit: number, cursor?: string) {
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (filter.from) qb.andWhere('m.date >= :from', { from: filter.from });
    if (filter.departmentId) qb.andWhere(':d = ANY(m.department_ids)', { d: filter.departmentId });
    return keysetPage(qb, 'm.id', { limit, cursor }, { column: 'm.date', value: (m) => m.date });
  }
}
