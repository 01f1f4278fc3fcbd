import { FixedRequest } from './fixed-load';
import { JointCompany, JointCustomer } from './campaigns-seed';

const JSON_TYPE = { 'content-type': 'application/json' };

/** Which side a request list is for: the service (caller in the bearer token) or the plain baseline (in the body). */
export type Target = 'service' | 'baseline';

export interface Invitation {
  meetingId: string;
  customer: JointCustomer;
}

export interface Sheet {
  meetingId: string;
  department: number;
  customerIds: string[];
  plannedCustomerIds: string[];
}

/** The sheet verdict the service will reach now (sheet-submission.ts); the baseline is told it. */
export interface SheetVerdict {
  forDay: string;
  effectiveDay: string;
  late: boolean;
}

/** Each customer invited by its owner, the way J-2 has an employee invite her own customers. */
export function inviteRequests(target: Target, invitations: readonly Invitation[]): FixedRequest[] {
  return invitations.map(({ meetingId, customer }) => ({
    method: 'POST',
    path: `/api/v1/meetings/${meetingId}/invitations`,
    headers: target === 'service' ? { ...customer.owner.headers, ...JSON_TYPE } : JSON_TYPE,
    body: JSON.stringify(
      target === 'service'
        ? { customerId: customer.id }
        : { customerId: customer.id, employeeId: customer.owner.id, departmentId: customer.departmentId },
    ),
  }));
}

/** Confirmations (敲定) of answered invitations, each by the employee who invited. */
export function confirmRequests(target: Target, invitations: readonly Invitation[], ids: readonly (string | undefined)[]): FixedRequest[] {
  return invitations.map((inv, i) => {
    const id = ids[i];
    if (!id) throw new Error(`invitation ${i} of ${invitations.length} has no id to confirm`);
    return { method: 'POST', path: `/api/v1/invitations/${id}/confirm`, headers: target === 'service' ? inv.customer.owner.headers : {} };
  });
}

/** Daily sheets, each handed in by its department's head. */
export function sheetRequests(target: Target, company: JointCompany, sheets: readonly Sheet[], verdict: SheetVerdict): FixedRequest[] {
  return sheets.map((s) => {
    const department = company.departments[s.department];
    const body = { departmentId: department.id, customerIds: s.customerIds, plannedCustomerIds: s.plannedCustomerIds };
    return {
      method: 'POST',
      path: `/api/v1/meetings/${s.meetingId}/sheets`,
      headers: target === 'service' ? { ...department.head.headers, ...JSON_TYPE } : JSON_TYPE,
      body: JSON.stringify(target === 'service' ? body : { ...body, submittedBy: department.head.id, ...verdict }),
    };
  });
}
