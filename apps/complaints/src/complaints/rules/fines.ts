import type { FineRule } from '@crm/events';
import { ComplaintChannel } from './complaint-enums';

/** C-2: 100 yuan, in fen. */
export const DISCOVERED_FINE_FEN = 10_000;
/** C-3: 100 yuan each, in fen. */
export const GENERAL_MANAGER_FINE_FEN = 10_000;
/** C-4: 500 yuan each, in fen. */
export const BREACH_FINE_FEN = 50_000;

/**
 * Who a complaint's fines fall on: the employee concerned (in their department, C-1) and the head of the
 * department that owned the customer when the complaint was filed (C-3, C-4: 该顾客所在部门经理), which may be
 * another department than the employee's.
 */
export interface FinedParties {
  /** The employee concerned. */
  employeeId: string;
  /** Their department when the complaint was filed. */
  departmentId: string;
  /** The department that owned the customer when the complaint was filed. */
  customerDepartmentId: string;
  /** The head of the customer's department when the rule fires, or null when it has none. */
  customerHeadId: string | null;
}

/** A fine: whom, under which rule, how much, and the department of the person fined (where rewards lists it). */
export interface Fine {
  employeeId: string;
  departmentId: string;
  rule: Extract<FineRule, 'C-2' | 'C-3' | 'C-4'>;
  amountFen: number;
}

/**
 * C-2, C-3: the fines a complaint imposes when filed, by its channel. Other channels fine nobody at filing.
 * C-3 fines the employee and the head of the customer's department (not the employee's own head, when the
 * two departments differ); a head who is themself the employee concerned is fined once.
 */
export function finesOnFiling(channel: ComplaintChannel, parties: FinedParties): Fine[] {
  switch (channel) {
    case ComplaintChannel.DISCOVERED:
      return [{ employeeId: parties.employeeId, departmentId: parties.departmentId, rule: 'C-2', amountFen: DISCOVERED_FINE_FEN }];
    case ComplaintChannel.TO_GENERAL_MANAGER:
      return eachOnce(parties).map((p) => ({ ...p, rule: 'C-3' as const, amountFen: GENERAL_MANAGER_FINE_FEN }));
    default:
      return [];
  }
}

/** C-4: whatever the channel, a breach fines the employee and the head of the customer's department 500 yuan each. */
export function finesOnBreach(parties: FinedParties): Fine[] {
  return eachOnce(parties).map((p) => ({ ...p, rule: 'C-4' as const, amountFen: BREACH_FINE_FEN }));
}

/** The employee, then the customer's department's head unless there is none or it is the employee. */
function eachOnce(parties: FinedParties): { employeeId: string; departmentId: string }[] {
  const employee = { employeeId: parties.employeeId, departmentId: parties.departmentId };
  if (!parties.customerHeadId || parties.customerHeadId === parties.employeeId) return [employee];
  return [employee, { employeeId: parties.customerHeadId, departmentId: parties.customerDepartmentId }];
}
