/**
 * The services of the suite, and the names each one uses outside its own process: its PostgreSQL schema, the
 * BullMQ queue its events arrive on, and the queue its sweeps run from. One function per name, so producers
 * and consumers can never disagree about where a message goes.
 */
export const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'] as const;

export type ServiceName = (typeof SERVICES)[number];

export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICES as readonly string[]).includes(value);
}

/** The service's own PostgreSQL schema (architecture.md: `service-visits` lives in `service_visits`). */
export function schemaFor(service: ServiceName): string {
  return service.replace(/-/g, '_');
}

/** The one BullMQ queue a consuming service reads its events from, e.g. `events.rewards`. */
export function queueFor(service: ServiceName): string {
  return `events.${service}`;
}

/** The BullMQ queue whose job schedulers trigger a service's sweeps, e.g. `sweeps.complaints`. */
export function sweepQueueFor(service: ServiceName): string {
  return `sweeps.${service}`;
}
