import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/**
 * V-2 takeover reports and read-your-writes, against real parts: inviting another department's under-served
 * customer writes `takeover.reported` in the invitation's transaction; an invitation or check-in naming a customer
 * customers registered a moment ago waits for customers' event instead of refusing CUSTOMER_NOT_FOUND.
 */
describe('campaigns: takeover reports (V-2) and customers registered a moment ago', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [e1, e2] = [randomUUID(), randomUUID()];
  const [underServed, served] = [randomUUID(), randomUUID()];
  const as = { e1: bearer(Role.EMPLOYEE, e1, d1), e2: bearer(Role.EMPLOYEE, e2, d2) };
  let single: string;
  let joint: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const invite = (meetingId: string, customerId: string, headers: Record<string, string>) => post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, headers);
  const reports = () => sql(`SELECT payload FROM outbox WHERE name = 'takeover.reported' ORDER BY sequence`);
  const register = (customerId: string, ownerId: string, departmentId: string) =>
    feed.publish('customer.registered', { customerId, ownerId, departmentId, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: new Date().toISOString() });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    await register(underServed, e1, d1);
    await register(served, e1, d1);
    await feed.publish('customer.under_served', { customerId: underServed, ownerId: e1, departmentId: d1, lastServedAt: null, detectedAt: now });
    await at('2030-12-01T09:00:00+08:00');
    single = (await post('/api/v1/meetings', { date: '2030-12-01', slot: 'EVENING', venue: '二部活动室', departmentIds: [d2] })).json().id;
    joint = (await post('/api/v1/meetings', { date: '2030-12-01', slot: 'EVENING', venue: '大厅', departmentIds: [d1, d2] })).json().id;
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it("files a takeover report with the invitation of another department's under-served customer", async () => {
    const invited = await invite(single, underServed, as.e2);
    expect(invited.statusCode).toBe(201);
    expect((await reports()).map((r: { payload: object }) => r.payload)).toEqual([
      {
        invitationId: invited.json().id,
        meetingId: single,
        customerId: underServed,
        ownerId: e1,
        departmentId: d1,
        reportingEmployeeId: e2,
        reportingDepartmentId: d2,
        reportedAt: expect.stringMatching(/^2030-12-01T01:00/),
      },
    ]);
  });

  it('files one report per invitation: a joint meeting too, never for the owning department, a served customer or a refused invitation', async () => {
    expect((await invite(joint, underServed, as.e2)).statusCode).toBe(201);
    expect((await invite(joint, underServed, as.e1)).statusCode).toBe(201);
    expect((await invite(joint, served, as.e2)).statusCode).toBe(201);
    const again = await invite(single, underServed, as.e2);
    expect([again.statusCode, again.json().code]).toEqual([409, 'ALREADY_INVITED']);
    const filed = (await reports()).map((r: { payload: { meetingId: string; reportingEmployeeId: string } }) => [r.payload.meetingId, r.payload.reportingEmployeeId]);
    expect(filed).toEqual([[single, e2], [joint, e2]]);
    expect(await sql('SELECT count(*)::int AS n FROM invitations WHERE customer_id = $1', [underServed])).toEqual([{ n: 3 }]);
  });

  it('waits for a customer registered a moment ago rather than refusing them: invitation and check-in', async () => {
    const fresh = randomUUID();
    const pending = invite(single, fresh, as.e2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await register(fresh, e2, d2);
    expect((await pending).statusCode).toBe(201);

    const walkIn = randomUUID();
    const checkIn = post(`/api/v1/meetings/${single}/check-ins`, { customerId: walkIn }, as.e2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await register(walkIn, e2, d2);
    expect((await checkIn).statusCode).toBe(201);
  });

  it('still refuses a customer nobody registered, after waiting', async () => {
    const started = Date.now();
    const res = await invite(single, randomUUID(), as.e2);
    expect([res.statusCode, res.json().code]).toEqual([422, 'CUSTOMER_NOT_FOUND']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
  });
});
