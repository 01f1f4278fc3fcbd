import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { InvitationEntity, InvitationStatus } from './invitation.entity';
import { MeetingLockEntity } from './meeting-lock.entity';
import { SpeakerReservationEntity } from './speaker-reservation.entity';

/** Every query on invitations and locks. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the invitation, or answers null when the department already invited the customer (the unique key decides). */
  async insert(tx: Tx, invitation: Omit<InvitationEntity, 'id'>): Promise<InvitationEntity | null> {
    const result = await tx.createQueryBuilder().insert().into(InvitationEntity).values(invitation).orIgnore().returning('id').execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? tx.findOneBy(InvitationEntity, { id }) : null;
  }

  save(tx: Tx, invitation: InvitationEntity): Promise<InvitationEntity> {
    return tx.save(invitation);
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<InvitationEntity | null> {
    return tx.findOneBy(InvitationEntity, { id });
  }

  /** A meeting's invitations in the order they were made (keyset on invited_at, id). */
  pageOfMeeting(
    meetingId: string,
    filter: { departmentId?: string; status?: InvitationStatus; customerId?: string },
    page: { limit: number; cursor?: string },
  ): Promise<Page<InvitationEntity>> {
    const qb = this.dataSource.getRepository(InvitationEntity).createQueryBuilder('i').where('i.meeting_id = :meetingId', { meetingId });
    if (filter.departmentId) qb.andWhere('i.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.customerId) qb.andWhere('i.customer_id = :customerId', { customerId: filter.customerId });
    return keysetPage(qb, 'i.id', page, { column: 'i.invited_at', value: (i) => i.invitedAt });
  }

  /** Invitations of many customers at once (the GraphQL `Customer.invitations` loader), newest first. */
  ofCustomers(customerIds: readonly string[]): Promise<InvitationEntity[]> {
    return this.dataSource.getRepository(InvitationEntity).find({ where: { customerId: In([...customerIds]) }, order: { invitedAt: 'DESC' } });
  }

  /** Locks the invitation row for a status change, so two confirmations never interleave. */
  findForUpdate(tx: Tx, id: string): Promise<InvitationEntity | null> {
    return tx.findOne(InvitationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockOf(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<MeetingLockEntity | null> {
    return tx.findOneBy(MeetingLockEntity, { meetingId, customerId });
  }

  /** J-12: the department that lined the customer up to speak at the meeting, if any. */
  speakerReservationOf(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<SpeakerReservationEntity | null> {
    return tx.findOneBy(SpeakerReservationEntity, { meetingId, customerId });
  }

  /** The department's invitation of the customer to the meeting (the J-11 award's default employee). */
  ofDepartment(tx: Tx, meetingId: string, customerId: string, departmentId: string): Promise<InvitationEntity | null> {
    return tx.findOneBy(InvitationEntity, { meetingId, customerId, departmentId });
  }

  /** J-11: the ruling's award holds the customer for the meeting (no sheet took this lock). */
  async award(tx: Tx, lock: { meetingId: string; customerId: string; departmentId: string; at: Date }): Promise<void> {
    await tx.query(
      `INSERT INTO meeting_locks (meeting_id, customer_id, department_id, sheet_id, locked_at) VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (meeting_id, customer_id) DO UPDATE SET department_id = EXCLUDED.department_id, sheet_id = NULL, locked_at = EXCLUDED.locked_at`,
      [lock.meetingId, lock.customerId, lock.departmentId, lock.at],
    );
  }

  /**
   * J-10: the invitation a customer comes to a meeting on. The lock's department holds the customer when there
   * is one (J-4); otherwise the department that confirmed first. Null for a walk-in nobody confirmed.
   */
  async holding(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<InvitationEntity | null> {
    const lock = await tx.findOneBy(MeetingLockEntity, { meetingId, customerId });
    const where = { meetingId, customerId, status: InvitationStatus.CONFIRMED, ...(lock ? { departmentId: lock.departmentId } : {}) };
    return tx.findOne(InvitationEntity, { where, order: { confirmedAt: 'ASC' } });
  }

  /** The listed customers the department has confirmed for the meeting (J-3: a sheet lists confirmations). */
  async confirmedOf(tx: Tx, meetingId: string, departmentId: string, customerIds: string[]): Promise<Set<string>> {
    const rows: { customer_id: string }[] = await tx.query(
      `SELECT customer_id FROM invitations WHERE meeting_id = $1 AND department_id = $2 AND status = $3 AND customer_id = ANY($4::uuid[])`,
      [meetingId, departmentId, InvitationStatus.CONFIRMED, customerIds],
    );
    return new Set(rows.map((r) => r.customer_id));
  }
}
