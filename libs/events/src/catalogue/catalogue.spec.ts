import { FixedClock } from '@crm/clock';
import type { DataSource, EntityManager } from 'typeorm';
import { EventConsumer } from '../consumer/event.consumer';
import { OutboxWriter } from '../outbox/outbox.writer';
import type { SaleRecorded } from './campaigns.events';
import {
  consumersOf,
  EVENT_CATALOGUE,
  EVENT_NAMES,
  eventsConsumedBy,
  isEventName,
  type EventName,
  type EventPayload,
  type EventsConsumedBy,
  type EventsProducedBy,
} from './catalogue';
import { queueFor, schemaFor, SERVICES, sweepQueueFor, type ServiceName } from './services';

/** Compile-time equality: `assertType<Equals<A, B>>(true)` compiles only when A and B are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T) => undefined;

const sale: SaleRecorded = {
  saleId: 's1',
  meetingId: 'm1',
  customerId: 'c1',
  amountFen: 150_000,
  creditedEmployeeId: 'e1',
  creditedDepartmentId: 'd1',
  referrerId: null,
  soldAt: '2026-03-01T10:00:00.000Z',
};

/**
 * Never called: its body is what the compiler checks (jest's swc transform does not type-check, `tsc` does).
 * Each @ts-expect-error line must fail to compile, or tsc reports the directive as unused.
 */
async function compileTimeChecks(manager: EntityManager, rewards: EventConsumer<'rewards'>) {
  const campaigns = new OutboxWriter('campaigns', new FixedClock(new Date(0)));
  await campaigns.append(manager, { name: 'sale.recorded', payload: sale });
  await campaigns.append(manager, [
    { name: 'sale.recorded', payload: sale },
    {
      name: 'fine.imposed',
      payload: {
        fineId: 'f',
        employeeId: 'e',
        departmentId: 'd',
        amountFen: 1000,
        rule: 'J-7',
        sourceId: 's',
        imposedAt: 'x',
      },
    },
  ]);
  // @ts-expect-error campaigns does not produce customer.registered
  await campaigns.append(manager, { name: 'customer.registered', payload: {} });
  // @ts-expect-error amounts are integer fen (numbers), not strings
  await campaigns.append(manager, { name: 'sale.recorded', payload: { ...sale, amountFen: '1500.00' } });
  // @ts-expect-error a payload must carry every fact the catalogue names
  await campaigns.append(manager, { name: 'sale.recorded', payload: { saleId: 's1' } });
  // @ts-expect-error not a catalogued event
  await campaigns.append(manager, { name: 'sale.created', payload: sale });
  // @ts-expect-error J-99 is not a fine rule
  await campaigns.append(manager, {
    name: 'fine.imposed',
    payload: {
      fineId: 'f',
      employeeId: 'e',
      departmentId: 'd',
      amountFen: 1,
      rule: 'J-99',
      sourceId: 's',
      imposedAt: 'x',
    },
  });

  rewards.on('sale.recorded', async (payload, ctx) => {
    const fen: number = payload.amountFen;
    const id: string = ctx.eventId;
    void [fen, id];
  });
  // @ts-expect-error rewards is not a consumer of complaint.breached
  rewards.on('complaint.breached', async () => undefined);
  rewards.on('sale.refunded', async (payload) => {
    // @ts-expect-error a refund has no creditedEmployeeId
    void payload.creditedEmployeeId;
  });

  assertType<Equals<EventPayload<'sale.recorded'>, SaleRecorded>>(true);
  assertType<
    Equals<
      EventsProducedBy<'complaints'>,
      'complaint.filed' | 'complaint.resolved' | 'complaint.reopened' | 'complaint.breached' | 'fine.imposed'
    >
  >(true);
  assertType<Equals<EventsProducedBy<'rewards'>, never>>(true);
  assertType<
    Equals<
      EventsConsumedBy<'rewards'>,
      | 'department.saved'
      | 'employee.saved'
      | 'customer.registered'
      | 'customer.assigned'
      | 'customer.transferred'
      | 'customer.erased'
      | 'meeting.attended'
      | 'sale.recorded'
      | 'sale.refunded'
      | 'fine.imposed'
      | 'api_key.issued'
      | 'api_key.revoked'
    >
  >(true);
}
void compileTimeChecks;

describe('event catalogue', () => {
  it('names one queue per consuming service, and each service schema', () => {
    expect(SERVICES.map(queueFor)).toEqual([
      'events.customers',
      'events.campaigns',
      'events.rewards',
      'events.complaints',
      'events.service-visits',
    ]);
    expect(sweepQueueFor('complaints')).toBe('sweeps.complaints');
    expect(schemaFor('service-visits')).toBe('service_visits');
  });

  it('catalogues every event the services exchange', () => {
    expect([...EVENT_NAMES].sort()).toEqual(
      [
        'department.saved',
        'employee.saved',
        'customer.registered',
        'customer.updated',
        'customer.assigned',
        'customer.transferred',
        'customer.stage_changed',
        'customer.erased',
        'outreach.recorded',
        'meeting.attended',
        'sale.recorded',
        'sale.refunded',
        'sale.credit_moved',
        'takeover.reported',
        'complaint.filed',
        'complaint.resolved',
        'complaint.reopened',
        'complaint.breached',
        'customer.under_served',
        'customer.served',
        'personal_data.read',
        'fine.imposed',
        'api_key.issued',
        'api_key.revoked',
      ].sort(),
    );
  });

  it.each(EVENT_NAMES.map((n) => [n]))('%s is well formed', (name) => {
    const d = EVENT_CATALOGUE[name as EventName];
    expect(d.name).toBe(name);
    expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(Number.isInteger(d.version) && d.version >= 1).toBe(true);
    expect(d.producers.length).toBeGreaterThan(0);
    expect(d.description.length).toBeGreaterThan(10);
    // A service learns of its own changes in its own transaction, never through its queue.
    for (const p of d.producers) expect(d.consumers).not.toContain(p);
    expect(new Set(d.consumers).size).toBe(d.consumers.length);
  });

  it('routes the events the rules depend on', () => {
    expect(consumersOf('complaint.breached')).toEqual(['customers']);
    expect(EVENT_CATALOGUE['fine.imposed'].producers).toEqual(['campaigns', 'complaints']);
    expect(consumersOf('fine.imposed')).toEqual(['rewards']);
    expect([...consumersOf('meeting.attended')].sort()).toEqual(['customers', 'rewards', 'service-visits']);
    // Every service but the issuer verifies API keys itself.
    expect([...consumersOf('api_key.issued')].sort()).toEqual(
      SERVICES.filter((s) => s !== 'customers').sort(),
    );
    expect(eventsConsumedBy('customers')).toEqual(
      expect.arrayContaining([
        'outreach.recorded',
        'sale.recorded',
        'complaint.breached',
        'complaint.reopened',
        'customer.under_served',
      ]),
    );
    expect(isEventName('sale.recorded')).toBe(true);
    expect(isEventName('sale.created')).toBe(false);
  });

  it('refuses at run time what the types refuse at compile time', async () => {
    const writer = new OutboxWriter('campaigns' as ServiceName, new FixedClock(new Date(0)));
    // The checks run before any SQL, so no manager is needed to see them fail.
    const noManager = undefined as unknown as EntityManager;
    await expect(writer.append(noManager, { name: 'customer.registered' } as never)).rejects.toThrow(
      'campaigns is not a producer of customer.registered',
    );
    await expect(writer.append(noManager, { name: 'sale.created' } as never)).rejects.toThrow(
      'Unknown event',
    );

    const consumer = new EventConsumer({
      service: 'rewards' as ServiceName,
      dataSource: { options: { schema: 'rewards' } } as DataSource,
      clock: new FixedClock(new Date(0)),
      redisUrl: 'redis://unused',
      redisPrefix: 'unused',
    });
    expect(() => consumer.on('complaint.breached', async () => undefined)).toThrow(
      'rewards is not a consumer of complaint.breached',
    );
    consumer.on('sale.recorded', async () => undefined);
    expect(() => consumer.on('sale.recorded', async () => undefined)).toThrow('already registered');
  });
});
