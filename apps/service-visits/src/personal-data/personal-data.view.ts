import type { CustomerServiceStateEntity } from '../customers/customer-service-state.entity';

/** The customer's service state as the export shows it: the stage (S-1, V-3) and the V-2 state. */
export interface ServiceStateData {
  stage: string | null;
  stageSince: string | null;
  lastServedAt: string | null;
  underServed: boolean;
  /** When the under-served flag was last set or cleared. */
  servedStateAt: string | null;
}

/** What service-visits holds about one customer (P-3). */
export interface ServiceVisitsPersonalData {
  /** As GET /api/v1/service-records answers them to the owner, notes shown and readings decrypted. */
  serviceRecords: unknown[];
  visitPlans: unknown[];
  surveys: unknown[];
  serviceState: ServiceStateData | null;
}

export function serviceStateData(s: CustomerServiceStateEntity): ServiceStateData {
  return {
    stage: s.stage,
    stageSince: s.stageSince?.toISOString() ?? null,
    lastServedAt: s.lastServedAt?.toISOString() ?? null,
    underServed: s.underServed,
    servedStateAt: s.servedStateAt?.toISOString() ?? null,
  };
}
