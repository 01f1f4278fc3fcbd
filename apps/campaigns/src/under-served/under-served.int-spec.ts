import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';
import { UnderServedService } from './under-served.service';

/** V-2 in campaigns: the under-served flag from service-visits' verdicts, read with the shared customer ownership (J-2). */
describe('campaigns: the under-served read model', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [e1, e2] = [randomUUID(), randomUUID()];
  const minutes = (n: number) => new Date(Date.UTC(2030, 0, 1, 9, n)).toISOString();
  let single: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const find = (customerId: string) => svc.app.get(UnderServedService).find(customerId);
  const invite = (customerId: string) =>
    svc.inject({ method: 'POST', url: `/api/v1/meetings/${single}/invitations`, payload: { customerId }, headers: bearer(Role.EMPLOYEE, e2, d2) });
  const underServed = (customerId: string, at: string) => feed.publish('customer.under_served', { customerId, ownerId: e1, departmentId: d1, lastServedAt: null, detectedAt: at });
  const served = (customerId: string, at: string) => feed.publish('customer.served', { customerId, ownerId: e1, departmentId: d1, servedAt: at });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    single = (await svc.inject({ method: 'POST', url: '/api/v1/meetings', payload: { date: '2999-06-02', slot: 'EVENING', venue: '二部', departmentIds: [d2] }, headers: admin })).json().id;
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('knows a customer from a verdict that arrives before customers announced them, owned as the verdict says', async () => {
    const early = randomUUID();
    expect(await find(early)).toBeNull();
    await underServed(early, minutes(10));
    expect(await find(early)).toEqual({ customerId: early, ownerId: e1, departmentId: d1, underServed: true });
    expect((await invite(early)).statusCode).toBe(201);
    expect(await sql('SELECT count(*)::int AS n FROM customer_ownership WHERE customer_id = $1', [early])).toEqual([{ n: 0 }]);
  });

  it('takes the owner from customers once they announce the customer, keeping the flag', async () => {
    const customer = randomUUID();
    await underServed(customer, minutes(10));
    await feed.publish('customer.registered', { customerId: customer, ownerId: e2, departmentId: d2, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: minutes(5) });
    expect(await find(customer)).toEqual({ customerId: customer, ownerId: e2, departmentId: d2, underServed: true });
  });

  it('keeps the newer verdict whatever order the verdicts arrive in (equal times apply)', async () => {
    const customer = randomUUID();
    await feed.publish('customer.registered', { customerId: customer, ownerId: e1, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: minutes(0) });
    expect(await find(customer)).toMatchObject({ underServed: false });
    await underServed(customer, minutes(20));
    await served(customer, minutes(15));
    expect(await find(customer)).toMatchObject({ underServed: true });
    expect((await invite(customer)).statusCode).toBe(201);
    await served(customer, minutes(20));
    expect(await find(customer)).toMatchObject({ underServed: false });
    await underServed(customer, minutes(19));
    expect(await find(customer)).toMatchObject({ underServed: false });
    expect(await sql('SELECT under_served, verdict_at FROM under_served_customers WHERE customer_id = $1', [customer])).toEqual([{ under_served: false, verdict_at: new Date(minutes(20)) }]);
  });

  it('answers null for an id that is not one', async () => {
    expect(await find('not-a-uuid')).toBeNull();
  });
});
