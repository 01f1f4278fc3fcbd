import { apiKeyIssued, apiKeyRevoked } from './api-keys.events';
import { meetingAttended, outreachRecorded, saleCreditMoved, saleRecorded, saleRefunded, takeoverReported } from './campaigns.events';
import { complaintBreached, complaintFiled, complaintReopened, complaintResolved } from './complaints.events';
import {
  customerAssigned,
  customerErased,
  customerRegistered,
  customerStageChanged,
  customerTransferred,
  customerUpdated,
} from './customers.events';
import type { EventDefinition, PayloadOf } from './define-event';
import { fineImposed } from './fines.events';
import { departmentSaved, employeeSaved } from './organisation.events';
import { customerServed, customerUnderServed, personalDataRead } from './service-visits.events';
import type { ServiceName } from './services';

/**
 * Every event of the suite. Adding an event means defining it next to its producer's others and listing it
 * here; the types below then know its name, payload, producers and consumers.
 */
const DEFINITIONS = [
  departmentSaved,
  employeeSaved,
  customerRegistered,
  customerUpdated,
  customerAssigned,
  customerTransferred,
  customerStageChanged,
  customerErased,
  outreachRecorded,
  meetingAttended,
  saleRecorded,
  saleRefunded,
  saleCreditMoved,
  takeoverReported,
  complaintFiled,
  complaintResolved,
  complaintReopened,
  complaintBreached,
  customerUnderServed,
  customerServed,
  personalDataRead,
  fineImposed,
  apiKeyIssued,
  apiKeyRevoked,
] as const;

type AnyDefinition = (typeof DEFINITIONS)[number];

export type EventName = AnyDefinition['name'];
export type EventDefinitionOf<N extends EventName> = Extract<AnyDefinition, { name: N }>;
export type EventPayload<N extends EventName> = PayloadOf<EventDefinitionOf<N>>;

/** The events a service may write to its outbox. With the full ServiceName union: any catalogued event. */
export type EventsProducedBy<S extends ServiceName> = {
  [N in EventName]: S extends EventDefinitionOf<N>['producers'][number] ? N : never;
}[EventName];

/** The events a service may handle. With the full ServiceName union: any event that has a consumer. */
export type EventsConsumedBy<S extends ServiceName> = {
  [N in EventName]: S extends EventDefinitionOf<N>['consumers'][number] ? N : never;
}[EventName];

export type EventCatalogue = { readonly [N in EventName]: EventDefinitionOf<N> };

function index(definitions: readonly EventDefinition[]): Record<string, EventDefinition> {
  const byName: Record<string, EventDefinition> = {};
  for (const d of definitions) {
    // A second definition under one name would make payload types ambiguous: refuse at load.
    if (byName[d.name]) throw new Error(`Event ${d.name} is catalogued twice`);
    byName[d.name] = d;
  }
  return Object.freeze(byName);
}

export const EVENT_CATALOGUE = index(DEFINITIONS) as unknown as EventCatalogue;

export const EVENT_NAMES = DEFINITIONS.map((d) => d.name) as readonly EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
}

export function definitionOf(name: EventName): EventDefinition {
  return EVENT_CATALOGUE[name] as EventDefinition;
}

/** The services whose queues receive an event: the relay adds one job per entry. */
export function consumersOf(name: EventName): readonly ServiceName[] {
  return definitionOf(name).consumers;
}

export function isProducerOf(service: ServiceName, name: EventName): boolean {
  return definitionOf(name).producers.includes(service);
}

export function isConsumerOf(service: ServiceName, name: EventName): boolean {
  return definitionOf(name).consumers.includes(service);
}

export function eventsConsumedBy(service: ServiceName): EventName[] {
  return EVENT_NAMES.filter((n) => isConsumerOf(service, n));
}
