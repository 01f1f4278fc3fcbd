import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { MeetingEntity } from './meeting.entity';

export interface MeetingFilter {
  from?: string;
  departmentId?: string;
}

/** Every query on meetings. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(tx: Tx, meeting: Partial<MeetingEntity>): Promise<MeetingEntity> {
    return tx.save(tx.create(MeetingEntity, meeting));
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { id });
  }

  findMany(ids: readonly string[]): Promise<MeetingEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MeetingEntity).findBy({ id: In([...ids]) });
  }

  /** Keyset pages in date order (then id), so a page never repeats or skips a meeting. */
  async page(filter: MeetingFilter, limit: number, cursor?: string): Promise<Page<MeetingEntity>> {
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (filter.from) qb.andWhere('m.date >= :from', { from: filter.from });
    if (filter.departmentId) qb.andWhere(':d = ANY(m.department_ids)', { d: filter.departmentId });
    return keysetPage(qb, 'm.id', { limit, cursor }, { column: 'm.date', value: (m) => m.date });
  }
}
