import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from './app.module';
import { loadCampaignsConfig } from './config';

/** O-1 and J-1 against real PostgreSQL and Redis; the organisation arrives as customers' events on the real queue. */
describe('campaigns: outreach events and meetings', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const d1 = randomUUID();
  const d2 = randomUUID();
  const head1 = randomUUID();
  const e1 = randomUUID();
  const e2 = randomUUID();
  const e3 = randomUUID(); // in d2
  const now = () => new Date().toISOString();

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const headOf1 = bearer(Role.DEPARTMENT_HEAD, head1, d1);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    await feed.publish('department.saved', { departmentId: d1, name: '一部', code: 'D1', headId: head1, savedAt: now() });
    await feed.publish('department.saved', { departmentId: d2, name: '二部', code: 'D2', headId: null, savedAt: now() });
    for (const [id, role, dept] of [[head1, 'DEPARTMENT_HEAD', d1], [e1, 'EMPLOYEE', d1], [e2, 'EMPLOYEE', d1], [e3, 'EMPLOYEE', d2]]) {
      await feed.publish('employee.saved', { employeeId: id, name: `员工${id.slice(0, 4)}`, role, departmentId: dept, savedAt: now() });
    }
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  describe('the organisation copy', () => {
    it('keeps the newest state whatever order the events arrive in', async () => {
      const later = new Date(Date.now() + 60_000).toISOString();
      const earlier = new Date(Date.now() - 60_000).toISOString();
      await feed.publish('department.saved', { departmentId: d2, name: '二部', code: 'D2', headId: e3, savedAt: later });
      await feed.publish('department.saved', { departmentId: d2, name: '旧名', code: 'D2', headId: null, savedAt: earlier });
      expect(await sql('SELECT name, head_id FROM departments WHERE id = $1', [d2])).toEqual([{ name: '二部', head_id: e3 }]);
    });

    it('learns partner keys from customers and honours a revocation', async () => {
      const keyId = randomUUID();
      await feed.publish('api_key.issued', { keyId, name: 'ERP', scopes: ['campaigns:read'], hash: 'x'.repeat(64), issuedAt: now() });
      await feed.publish('api_key.revoked', { keyId, revokedAt: now() });
      const [row] = await sql('SELECT scopes, revoked_at FROM api_keys WHERE id = $1', [keyId]);
      expect(row.scopes).toEqual(['campaigns:read']);
      expect(row.revoked_at).not.toBeNull();
    });
  });

  describe('outreach events (O-1)', () => {
    it('records an event and announces it in the same transaction', async () => {
      const res = await post('/api/v1/outreach-events', { departmentId: d1, date: '2026-01-10', participantIds: [e1, e2] }, headOf1);
      expect(res.statusCode).toBe(201);
      const event = res.json();
      expect(event).toMatchObject({ departmentId: d1, date: '2026-01-10', participantIds: [e1, e2], recordedBy: head1 });
      const [outbox] = await sql(`SELECT payload FROM outbox WHERE name = 'outreach.recorded' AND payload->>'outreachEventId' = $1`, [event.id]);
      expect(outbox.payload).toMatchObject({ departmentId: d1, date: '2026-01-10', participantIds: [e1, e2] });
      expect((await get(`/api/v1/outreach-events/${event.id}`)).json().id).toBe(event.id);
    });

    it.each([
      ['an unknown department', () => ({ departmentId: randomUUID(), date: '2026-01-10', participantIds: [e1] }), admin, 422, 'DEPARTMENT_NOT_FOUND'],
      ['an unknown participant', () => ({ departmentId: d1, date: '2026-01-10', participantIds: [e1, randomUUID()] }), admin, 422, 'EMPLOYEE_NOT_FOUND'],
      ['a participant of another department', () => ({ departmentId: d1, date: '2026-01-10', participantIds: [e1, e3] }), admin, 422, 'PARTICIPANT_NOT_IN_DEPARTMENT'],
      ['a date still to come', () => ({ departmentId: d1, date: '2999-01-01', participantIds: [e1] }), admin, 422, 'OUTREACH_DATE_IN_FUTURE'],
      ['no participants', () => ({ departmentId: d1, date: '2026-01-10', participantIds: [] }), admin, 400, 'VALIDATION_FAILED'],
      ['a date that is not one', () => ({ departmentId: d1, date: '2026-02-30', participantIds: [e1] }), admin, 400, 'VALIDATION_FAILED'],
      ['another department\'s head', () => ({ departmentId: d2, date: '2026-01-10', participantIds: [e3] }), headOf1, 403, 'NOT_YOUR_DEPARTMENT'],
      ['an employee', () => ({ departmentId: d1, date: '2026-01-10', participantIds: [e1] }), bearer(Role.EMPLOYEE, e1, d1), 403, 'FORBIDDEN'],
    ])('refuses %s and stores nothing', async (_what, body, headers, status, code) => {
      const before = await sql('SELECT count(*)::int AS n FROM outreach_events');
      const res = await post('/api/v1/outreach-events', body(), headers);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
      expect(await sql('SELECT count(*)::int AS n FROM outreach_events')).toEqual(before);
    });
  });

  describe('meetings (J-1)', () => {
    let joint: string;

    it('plans a joint meeting keeping the department order', async () => {
      const res = await post('/api/v1/meetings', { date: '2999-03-08', slot: 'AFTERNOON', venue: '会议中心', departmentIds: [d2, d1] });
      expect(res.statusCode).toBe(201);
      joint = res.json().id;
      expect(res.json()).toMatchObject({ departmentIds: [d2, d1], slot: 'AFTERNOON' });
      const single = await post('/api/v1/meetings', { date: '2999-03-01', slot: 'EVENING', venue: '一部会议室', departmentIds: [d1] }, headOf1);
      expect(single.statusCode).toBe(201);
    });

    it('lists meetings in date order, a page at a time, and filters by department', async () => {
      const first = (await get('/api/v1/meetings?limit=1&from=2999-01-01')).json();
      expect(first.items.map((m: { date: string }) => m.date)).toEqual(['2999-03-01']);
      const second = (await get(`/api/v1/meetings?limit=1&from=2999-01-01&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((m: { id: string }) => m.id)).toEqual([joint]);
      expect(second.nextCursor).toBeNull();
      const ofD2 = (await get(`/api/v1/meetings?departmentId=${d2}`)).json();
      expect(ofD2.items.map((m: { id: string }) => m.id)).toEqual([joint]);
    });

    it('serves meetings in the subgraph', async () => {
      const res = await post('/graphql', { query: `query($id: ID!) { meeting(id: $id) { id date slot joint departmentIds departments { id } } missing: meeting(id: "nope") { id } }`, variables: { id: joint } });
      expect(res.json().data).toEqual({
        meeting: { id: joint, date: '2999-03-08', slot: 'AFTERNOON', joint: true, departmentIds: [d2, d1], departments: [{ id: d2 }, { id: d1 }] },
        missing: null,
      });
      const bad = await post('/graphql', { query: `{ meetings(from: "soon") { id } }` });
      expect(bad.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
    });

    it.each([
      ['a date in the past', { date: '2020-01-01', slot: 'AFTERNOON', venue: 'x', departmentIds: [d1] }, admin, 422, 'MEETING_DATE_IN_PAST'],
      ['an unknown department', { date: '2999-01-01', slot: 'AFTERNOON', venue: 'x', departmentIds: [d1, randomUUID()] }, admin, 422, 'DEPARTMENT_NOT_FOUND'],
      ['a slot that does not exist', { date: '2999-01-01', slot: 'MORNING', venue: 'x', departmentIds: [d1] }, admin, 400, 'VALIDATION_FAILED'],
      ['a department twice', { date: '2999-01-01', slot: 'AFTERNOON', venue: 'x', departmentIds: [d1, d1] }, admin, 400, 'VALIDATION_FAILED'],
      ['a head planning for others only', { date: '2999-01-01', slot: 'AFTERNOON', venue: 'x', departmentIds: [d2] }, headOf1, 403, 'NOT_YOUR_DEPARTMENT'],
    ])('refuses %s', async (_what, body, headers, status, code) => {
      const before = await sql('SELECT count(*)::int AS n FROM meetings');
      const res = await post('/api/v1/meetings', body, headers);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
      expect(await sql('SELECT count(*)::int AS n FROM meetings')).toEqual(before);
    });

    it('answers 404 for an unknown meeting and 400 for an id that is not one', async () => {
      expect((await get(`/api/v1/meetings/${randomUUID()}`)).json().code).toBe('MEETING_NOT_FOUND');
      expect((await get('/api/v1/meetings/42')).statusCode).toBe(400);
    });
  });
});
