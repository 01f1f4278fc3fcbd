import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** J-9 with the clock moved: check-ins on the meeting day, first attendance, referrer, the holder's invitation. */
describe('campaigns: check-ins', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [e1, e2] = [randomUUID(), randomUUID()];
  const [newcomer, oldHand, walkIn] = [randomUUID(), randomUUID(), randomUUID()];
  const as = { e1: bearer(Role.EMPLOYEE, e1, d1), e2: bearer(Role.EMPLOYEE, e2, d2) };
  let first: string;
  let second: string;
  let firstInvitation: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const checkIn = (meetingId: string, body: object, headers = as.e1) => post(`/api/v1/meetings/${meetingId}/check-ins`, body, headers);
  const attended = () => sql(`SELECT payload FROM outbox WHERE name = 'meeting.attended' ORDER BY sequence`);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    for (const [customerId, ownerId, departmentId] of [[newcomer, e1, d1], [oldHand, e1, d1], [walkIn, e2, d2]]) {
      await feed.publish('customer.registered', { customerId, ownerId, departmentId, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
    await at('2030-09-01T09:00:00+08:00');
    first = (await post('/api/v1/meetings', { date: '2030-09-05', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    second = (await post('/api/v1/meetings', { date: '2030-09-12', slot: 'EVENING', venue: '大厅', departmentIds: [d1] })).json().id;
    firstInvitation = (await post(`/api/v1/meetings/${first}/invitations`, { customerId: newcomer }, as.e1)).json().id;
    await post(`/api/v1/invitations/${firstInvitation}/confirm`, {}, as.e1);
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('opens check-in on the meeting day only', async () => {
    await at('2030-09-04T23:59:59+08:00');
    const early = await checkIn(first, { customerId: newcomer });
    expect([early.statusCode, early.json().code]).toEqual([409, 'CHECK_IN_NOT_OPEN']);
    expect(await attended()).toEqual([]);
  });

  it('announces a first attendance with the referrer and the holder of the invitation (J-9, J-10)', async () => {
    await at('2030-09-05T13:30:00+08:00');
    const res = await checkIn(first, { customerId: newcomer, referrerId: oldHand });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ firstAttendance: true, referrerId: oldHand, departmentId: d1, invitationId: firstInvitation, employeeId: e1 });
    expect((await attended()).map((a: { payload: object }) => a.payload)).toEqual([
      expect.objectContaining({ meetingId: first, meetingDate: '2030-09-05', slot: 'AFTERNOON', customerId: newcomer, firstAttendance: true, referrerId: oldHand, departmentId: d1, invitationId: firstInvitation }),
    ]);
  });

  it('checks a walk-in in without an invitation', async () => {
    const res = await checkIn(first, { customerId: walkIn }, as.e2);
    expect(res.json()).toMatchObject({ firstAttendance: true, invitationId: null, departmentId: null });
  });

  it.each([
    ['the same customer twice', () => ({ customerId: newcomer }), 409, 'ALREADY_CHECKED_IN'],
    ['an unknown customer', () => ({ customerId: randomUUID() }), 422, 'CUSTOMER_NOT_FOUND'],
    ['an unknown referrer', () => ({ customerId: oldHand, referrerId: randomUUID() }), 422, 'REFERRER_NOT_FOUND'],
    ['a customer bringing themselves', () => ({ customerId: oldHand, referrerId: oldHand }), 422, 'REFERRER_IS_CUSTOMER'],
    ['an id that is not one', () => ({ customerId: 'x' }), 400, 'VALIDATION_FAILED'],
  ])('refuses %s and announces nothing', async (_what, body, status, code) => {
    const before = (await attended()).length;
    const res = await checkIn(first, body());
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await attended()).toHaveLength(before);
  });

  it('knows a later meeting is not the first attendance, once, even when two check-ins race', async () => {
    await at('2030-09-12T19:00:00+08:00');
    const res = await checkIn(second, { customerId: newcomer });
    expect(res.json().firstAttendance).toBe(false);
    const third = (await post('/api/v1/meetings', { date: '2030-09-12', slot: 'AFTERNOON', venue: '分会场', departmentIds: [d1] })).json().id;
    const [a, b] = await Promise.all([checkIn(second, { customerId: oldHand }), checkIn(third, { customerId: oldHand })]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json().firstAttendance, b.json().firstAttendance].sort()).toEqual([false, true]);
  });

  it('checks in through the graph', async () => {
    const res = await post('/graphql', { query: `mutation($m: ID!, $i: CheckInInput!) { checkIn(meetingId: $m, input: $i) { customerId firstAttendance } }`, variables: { m: second, i: { customerId: walkIn } } }, as.e1);
    expect(res.json().data.checkIn).toEqual({ customerId: walkIn, firstAttendance: false });
  });
});
