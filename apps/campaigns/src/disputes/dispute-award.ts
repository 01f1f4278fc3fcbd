import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingEntity } from '../meetings/meeting.entity';
import { OrganisationLookup } from '../organisation/organisation.lookup';
import { SalesService } from '../sales/sales.service';
import { DisputeErrors } from './disputes.errors';

/**
 * J-11, a ruling takes effect: the department (and employee) awarded the disputed customer holds the customer's lock
 * for the meeting, and the credit of the customer's sales at the meeting moves to them (announced as
 * `sale.credit_moved`, so what depends on the credit follows). Runs in the ruling's transaction.
 *
 * The employee credited: the one the ruling names (of the awarded department); else the awarded department's
 * employee who invited the customer to the meeting; else the department's head; else the ruling is refused
 * (422 NO_EMPLOYEE_TO_AWARD): a credit always names an employee.
 */
@Injectable()
export class DisputeAward {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sales: SalesService,
    private readonly organisation: OrganisationLookup,
  ) {}

  /** Moves the lock and the credit; answers the employee credited. */
  async takeEffect(tx: Tx, award: { meeting: MeetingEntity; disputeId: string; customerId: string; at: Date }, departmentId: string, employeeId?: string): Promise<string> {
    if (!award.meeting.departmentIds.includes(departmentId)) {
      throw DisputeErrors.AWARD_OUTSIDE_MEETING(`Department ${departmentId} does not take part in the meeting`);
    }
    const invitation = await this.invitations.ofDepartment(tx, award.meeting.id, award.customerId, departmentId);
    const credited = await this.creditedEmployee(tx, departmentId, employeeId, invitation?.employeeId);
    await this.invitations.award(tx, { meetingId: award.meeting.id, customerId: award.customerId, departmentId, at: award.at });
    // The sale's invitation follows the credit: the awarded department's invitation when it made one, else none.
    await this.sales.moveCredit(tx, { meetingId: award.meeting.id, customerId: award.customerId, disputeId: award.disputeId, at: award.at }, {
      employeeId: credited,
      departmentId,
      invitationId: invitation?.id ?? null,
    });
    return credited;
  }

  private async creditedEmployee(tx: Tx, departmentId: string, named: string | undefined, inviter: string | undefined): Promise<string> {
    if (named) {
      const [employee] = await this.organisation.employees([named]);
      if (employee.departmentId !== departmentId) {
        throw DisputeErrors.AWARDED_EMPLOYEE_NOT_IN_DEPARTMENT(`Employee ${named} is not of department ${departmentId}`, { departmentId: employee.departmentId });
      }
      return named;
    }
    if (inviter) return inviter;
    const head = (await this.organisation.headsByDepartment(tx)).get(departmentId);
    if (head) return head;
    throw DisputeErrors.NO_EMPLOYEE_TO_AWARD(`Department ${departmentId} made no invitation of the customer and has no head: name the employee`);
  }
}
