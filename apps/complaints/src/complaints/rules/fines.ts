import type { FineRule } from '@crm/events';
import { ComplaintChannel } from './complaint-enums';

/** C-2: 100 yuan, in fen. */
export const DISCOVERED_FINE_FEN = 10_000;
/** C-3: 100 yuan each, in fen. */
export const GENERAL_MANAGER_FINE_FEN = 10_000;
/** C-4: 500 yuan each, in fen. */
export const BREACH_FINE_FEN = 50_000;

export interface FinedParties {
  /** The employee concerned. */
  employeeId: string;
  /** The head of their department, or null when the department has none. */
  headId: string | null;
}

export interface Fine {
  employeeId: string;
  rule: Extract<FineRule, 'C-2' | 'C-3' | 'C-4'>;
  amountFen: number;
}

/**
 * C-2, C-3: the fines a complaint imposes when filed, by its channel. Other channels fine nobody at filing.
 * A head who is themself the employee concerned is fined once.
 */
export function finesOnFiling(channel: ComplaintChannel, parties: FinedParties): Fine[] {
  switch (channel) {
    case ComplaintChannel.DISCOVERED:
      return [{ employeeId: parties.employeeId, rule: 'C-2', amountFen: DISCOVERED_FINE_FEN }];
    case ComplaintChannel.TO_GENERAL_MANAGER:
      return eachOnce(parties).map((employeeId) => ({ employeeId, rule: 'C-3' as const, amountFen: GENERAL_MANAGER_FINE_FEN }));
    default:
      return [];
  }
}

/** C-4: whatever the channel, a breach fines the employee and the department head 500 yuan each. */
export function finesOnBreach(parties: FinedParties): Fine[] {
  return eachOnce(parties).map((employeeId) => ({ employeeId, rule: 'C-4' as const, amountFen: BREACH_FINE_FEN }));
}

function eachOnce(parties: FinedParties): string[] {
  return parties.headId && parties.headId !== parties.employeeId ? [parties.employeeId, parties.headId] : [parties.employeeId];
}
