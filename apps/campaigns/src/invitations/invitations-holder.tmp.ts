import { EntityManager } from 'typeorm';
import { InvitationEntity, InvitationStatus } from '../invitations/invitation.entity';
import { MeetingLockEntity } from '../invitations/meeting-lock.entity';

/**
 * J-10: the invitation a customer comes to a meeting on. The lock's department holds the customer when there
 * is one (J-4); otherwise the department that confirmed first. Null for a walk-in nobody confirmed.
 */
export async function currentInvitation(manager: EntityManager, meetingId: string, customerId: string): Promise<InvitationEntity | null> {
  const lock = await manager.findOneBy(MeetingLockEntity, { meetingId, customerId });
  const where = { meetingId, customerId, status: InvitationStatus.CONFIRMED, ...(lock ? { departmentId: lock.departmentId } : {}) };
  return manager.findOne(InvitationEntity, { where, order: { confirmedAt: 'ASC' } });
}
