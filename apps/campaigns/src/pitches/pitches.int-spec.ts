import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** J-10 at the meeting: the holder presents, the follow-up employee helps only with consent, never two at once. */
describe('campaigns: pitches', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [owner, holder, other] = [randomUUID(), randomUUID(), randomUUID()];
  const customer = randomUUID();
  const as = { owner: bearer(Role.EMPLOYEE, owner, d1), holder: bearer(Role.EMPLOYEE, holder, d2), other: bearer(Role.EMPLOYEE, other, d2) };
  let meeting: string;

  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const pitch = (headers: Record<string, string>) => post(`/api/v1/meetings/${meeting}/pitches`, { customerId: customer }, headers);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    await feed.publish('customer.registered', { customerId: customer, ownerId: owner, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    await at('2030-12-01T09:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2030-12-01', slot: 'EVENING', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    const invitation = (await post(`/api/v1/meetings/${meeting}/invitations`, { customerId: customer }, as.holder)).json().id;
    await post(`/api/v1/invitations/${invitation}/confirm`, {}, as.holder);
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('presents only to a customer who is checked in', async () => {
    expect((await pitch(as.holder)).json().code).toBe('CUSTOMER_NOT_CHECKED_IN');
    await at('2030-12-01T19:00:00+08:00');
    expect((await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId: customer }, as.holder)).statusCode).toBe(201);
  });

  it("keeps the follow-up employee out until the holder consents, and never lets two present at once", async () => {
    const refused = await pitch(as.owner);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PITCH_NEEDS_CONSENT']);
    const byOther = await post(`/api/v1/meetings/${meeting}/pitch-consents`, { customerId: customer, employeeId: owner }, as.other);
    expect(byOther.json().code).toBe('CONSENT_BY_HOLDER_ONLY');
    const notOwner = await post(`/api/v1/meetings/${meeting}/pitch-consents`, { customerId: customer, employeeId: other }, as.holder);
    expect(notOwner.json().code).toBe('CONSENT_ONLY_FOR_FOLLOW_UP_EMPLOYEE');
    expect((await post(`/api/v1/meetings/${meeting}/pitch-consents`, { customerId: customer, employeeId: owner }, as.holder)).statusCode).toBe(201);

    const [a, b] = await Promise.all([pitch(as.holder), pitch(as.owner)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const [won, lost] = a.statusCode === 201 ? [a, b] : [b, a];
    expect(lost.json()).toMatchObject({ code: 'PITCH_IN_PROGRESS', employeeId: won.json().employeeId });
    const notMine = await post(`/api/v1/pitches/${won.json().id}/end`, {}, won.json().employeeId === owner ? as.holder : as.owner);
    expect(notMine.json().code).toBe('NOT_YOUR_PITCH');
    expect((await post(`/api/v1/pitches/${won.json().id}/end`, {}, won.json().employeeId === owner ? as.owner : as.holder)).json().endedAt).not.toBeNull();
    const next = await pitch(won.json().employeeId === owner ? as.holder : as.owner);
    expect(next.statusCode).toBe(201);
  });

  it('credits the sale to the holder whoever helped (J-10)', async () => {
    const sale = await post(`/api/v1/meetings/${meeting}/sales`, { customerId: customer, amountFen: 100_000 }, as.owner);
    expect(sale.json()).toMatchObject({ creditedEmployeeId: holder, creditedDepartmentId: d2 });
  });
});
