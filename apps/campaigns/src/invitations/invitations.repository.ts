import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation } from '@crm/database';
import { InvitationEntity } from './invitation.entity';
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
