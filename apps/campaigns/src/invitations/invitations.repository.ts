import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation, keysetPage, type Page } from '@crm/database';
import { InvitationEntity, InvitationStatus } from './invitation.entity';
import { MeetingLockEntity } from './meeting-lock.entity';

/** Every query on invitations and locks. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the invitation, or answers null when the department already invited the customer. */
  async insert(invitation: Omit<InvitationEntity, 'id'>): Promise<InvitationEntity | null> {
    try {
      return await this.dataSource.getRepository(InvitationEntity).save(this.dataSource.getRepository(InvitationEntity).create(invitation));
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<InvitationEntity | null> {
    return manager.findOneBy(InvitationEntity, { id });
  }

  findOf(meetingId: string, customerId: string, departmentId: string): Promise<InvitationEntity | null> {
    return this.dataSource.getRepository(InvitationEntity).findOneBy({ meetingId, customerId, departmentId });
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
  findForUpdate(manager: EntityManager, id: string): Promise<InvitationEntity | null> {
    return manager.findOne(InvitationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockOf(meetingId: string, customerId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingLockEntity | null> {
    return manager.findOneBy(MeetingLockEntity, { meetingId, customerId });
  }
}
