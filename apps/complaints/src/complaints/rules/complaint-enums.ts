import type { ComplaintCause as Cause, ComplaintChannel as Channel } from '@crm/events';

/** C-1: why a customer complains. The values are the catalogue's, so events and the API name them alike. */
export enum ComplaintCause {
  SERVICE_NOT_IN_PLACE = 'SERVICE_NOT_IN_PLACE',
  EMPLOYEE_SELFISHNESS = 'EMPLOYEE_SELFISHNESS',
  WORK_ATTITUDE = 'WORK_ATTITUDE',
  INTER_DEPARTMENT_DISPUTE = 'INTER_DEPARTMENT_DISPUTE',
  OTHER = 'OTHER',
}

/** C-1: how the complaint came to light; C-2 and C-3 fine by it. */
export enum ComplaintChannel {
  DISCOVERED = 'DISCOVERED',
  TO_GENERAL_MANAGER = 'TO_GENERAL_MANAGER',
  HOTLINE = 'HOTLINE',
  VISIT = 'VISIT',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}

export enum ComplaintStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/** Where a complaint stands against its deadline (C-4). */
export enum SlaState {
  /** The clock runs: open, or resolved after the due time and not yet breached. */
  PENDING = 'PENDING',
  /** Resolved by the due time. A reopening sets it back to PENDING (the due time stays). */
  MET = 'MET',
  /** Past due unresolved: fined and transferred, once. */
  BREACHED = 'BREACHED',
}

// The enums and the catalogue's string unions must stay one set of values.
const _causes: Record<Cause, ComplaintCause> = ComplaintCause;
const _channels: Record<Channel, ComplaintChannel> = ComplaintChannel;
void _causes;
void _channels;
