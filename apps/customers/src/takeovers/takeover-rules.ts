import { TakeoverStatus } from './takeover-report.entity';

/** Why a report cannot be approved now, or null when it can (V-2). Pure: the report and the owner come in. */
export type ApprovalBlocker = { code: 'TAKEOVER_ALREADY_DECIDED'; status: TakeoverStatus } | { code: 'TAKEOVER_CUSTOMER_MOVED'; currentDepartmentId: string | null };

/**
 * A report is decided once. It may be approved only while the customer still belongs to the department that
 * was reported (whoever in it owns them now): once the customer was moved elsewhere (a transfer, a C-4 breach,
 * another approved report) the report is stale. Being served again meanwhile does not block it.
 */
export function approvalBlocker(report: { status: TakeoverStatus; departmentId: string }, owner: { departmentId: string } | null): ApprovalBlocker | null {
  if (isDecided(report)) return { code: 'TAKEOVER_ALREADY_DECIDED', status: report.status };
  if (owner?.departmentId !== report.departmentId) return { code: 'TAKEOVER_CUSTOMER_MOVED', currentDepartmentId: owner?.departmentId ?? null };
  return null;
}

/** A report is decided once: approved or declined, it stays so. */
export function isDecided(report: { status: TakeoverStatus }): boolean {
  return report.status !== TakeoverStatus.PENDING;
}
