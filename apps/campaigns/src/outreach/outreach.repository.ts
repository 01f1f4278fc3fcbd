import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { OutreachEventEntity } from './outreach-event.entity';

/** Every query on outreach events. */
@Injectable()
export class OutreachRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(tx: Tx, event: Pick<OutreachEventEntity, 'departmentId' | 'date' | 'participantIds' | 'recordedBy'>): Promise<OutreachEventEntity> {
    return tx.save(tx.create(OutreachEventEntity, event));
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<OutreachEventEntity | null> {
    return tx.findOneBy(OutreachEventEntity, { id });
  }
}
