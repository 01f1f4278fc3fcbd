import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { AttendanceEntity } from './attendance.entity';

/** Every query on attendances (J-9). */
@Injectable()
export class CheckInsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises one customer's check-ins until the transaction ends (exactly one is the first attendance, R-1). */
  async lockCustomer(tx: Tx, customerId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attendance:${customerId}`]);
  }

  find(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<AttendanceEntity | null> {
    return tx.findOneBy(AttendanceEntity, { meetingId, customerId });
  }

  exists(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<boolean> {
    return tx.existsBy(AttendanceEntity, { meetingId, customerId });
  }

  hasAttended(tx: Tx, customerId: string): Promise<boolean> {
    return tx.existsBy(AttendanceEntity, { customerId });
  }

  insert(tx: Tx, attendance: AttendanceEntity): Promise<AttendanceEntity> {
    return tx.save(tx.create(AttendanceEntity, attendance));
  }
}
