import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { decodeCursor, encodeCursor } from '@crm/database';
import { MeetingEntity } from './meeting.entity';
import { MeetingErrors } from './meetings.errors';

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
    if (cursor) {
      const key = decodeCursor<{ date: string; id: string }>(cursor, ['date', 'id']);
      if (!key) throw MeetingErrors.INVALID_CURSOR();
      qb.andWhere('(m.date, m.id) > (:date, :id)', key);
    }
    const rows = await qb.orderBy('m.date', 'ASC').addOrderBy('m.id', 'ASC').limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor({ date: last.date, id: last.id }) : null };
  }
}
