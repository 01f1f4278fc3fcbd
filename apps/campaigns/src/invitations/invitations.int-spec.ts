import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { issueApiKey, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** J-2 (who may invite whom), J-4 (the lock's refusal) and J-6 (the meeting-day deadline), against real parts. */
describe('campaigns: invitations', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2, d3] = [randomUUID(), randomUUID(), randomUUID()];
  const [e1, e1b, head1, e2, e3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c1, c2, c3, c4, c5] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const as = {
    e1: bearer(Role.EMPLOYEE, e1, d1),
    e1b: bearer(Role.EMPLOYEE, e1b, d1),
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    e2: bearer(Role.EMPLOYEE, e2, d2),
    e3: bearer(Role.EMPLOYEE, e3, d3),
  };
  let joint: string;
  let single: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  /** A partner key with these scopes, as customers announces it. */
  const partner = async (scopes: string[]) => {
    const issued = issueApiKey();
    await feed.publish('api_key.issued', { keyId: issued.id, name: 'ERP', scopes, hash: issued.hash, issuedAt: svc.app.get(Clock).now().toISOString() });
    return { 'x-api-key': issued.key };
  };
  const invite = (meetingId: string, customerId: string, headers: Record<string, string>) => post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, headers);
  const moveClock = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const at = () => new Date().toISOString();

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2'], [d3, 'D3']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: at() });
    const owners: [string, string, string][] = [[c1, e1, d1], [c2, e2, d2], [c3, e3, d3], [c4, e3, d3], [c5, e1, d1]];
    for (const [customerId, ownerId, departmentId] of owners) {
      await feed.publish('customer.registered', { customerId, ownerId, departmentId, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: at() });
    }
    await feed.publish('customer.under_served', { customerId: c4, ownerId: e3, departmentId: d3, lastServedAt: null, detectedAt: at() });
    joint = (await post('/api/v1/meetings', { date: '2999-06-01', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    single = (await post('/api/v1/meetings', { date: '2999-06-02', slot: 'EVENING', venue: '一部', departmentIds: [d1] })).json().id;
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('lets a department of a joint meeting invite customers of every participating department (J-2)', async () => {
    const own = await invite(joint, c1, as.e1);
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ meetingId: joint, customerId: c1, employeeId: e1, departmentId: d1, status: 'INVITED' });
    expect((await invite(joint, c2, as.e1)).statusCode).toBe(201);
    expect((await invite(joint, c1, as.e2)).statusCode).toBe(201);
  });

  it.each([
    ['a customer of a department outside the meeting', () => joint, () => c3, () => as.e1, 403, 'CUSTOMER_NOT_IN_DEPARTMENT'],
    ['another department\'s customer to a single meeting', () => single, () => c2, () => as.e1, 403, 'CUSTOMER_NOT_IN_DEPARTMENT'],
    ['from a department outside the meeting', () => joint, () => c3, () => as.e3, 403, 'DEPARTMENT_NOT_IN_MEETING'],
    ['a customer the department already invited', () => joint, () => c1, () => as.e1b, 409, 'ALREADY_INVITED'],
    ['an unknown customer', () => joint, () => randomUUID(), () => as.e1, 422, 'CUSTOMER_NOT_FOUND'],
    ['to an unknown meeting', () => randomUUID(), () => c1, () => as.e1, 404, 'MEETING_NOT_FOUND'],
    ['by an administrator (no department)', () => joint, () => c1, () => admin, 403, 'FORBIDDEN'],
  ])('refuses inviting %s, changing nothing', async (_what, meeting, customer, headers, status, code) => {
    const before = await sql('SELECT count(*)::int AS n FROM invitations');
    const res = await invite(meeting(), customer(), headers());
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await sql('SELECT count(*)::int AS n FROM invitations')).toEqual(before);
  });

  it('lets any department invite an under-served customer (V-2), to single and joint meetings alike', async () => {
    expect((await invite(joint, c4, as.e2)).statusCode).toBe(201);
    expect((await invite(single, c4, as.e1)).statusCode).toBe(201);
    await feed.publish('customer.served', { customerId: c4, ownerId: e3, departmentId: d3, servedAt: at() });
    const after = await invite(joint, c4, as.e1);
    expect([after.statusCode, after.json().code]).toEqual([403, 'CUSTOMER_NOT_IN_DEPARTMENT']);
  });

  it('confirms by the inviting employee or their head only (敲定)', async () => {
    const invitation = (await invite(single, c5, as.e1)).json();
    const stranger = await post(`/api/v1/invitations/${invitation.id}/confirm`, {}, as.e1b);
    expect([stranger.statusCode, stranger.json().code]).toEqual([403, 'NOT_YOUR_INVITATION']);
    const byHead = await post(`/api/v1/invitations/${invitation.id}/confirm`, {}, as.head1);
    expect(byHead.statusCode).toBe(200);
    expect(byHead.json()).toMatchObject({ status: 'CONFIRMED', confirmedAt: expect.any(String) });
    const again = await post(`/api/v1/invitations/${invitation.id}/confirm`, {}, as.e1);
    expect([again.statusCode, again.json().confirmedAt]).toEqual([200, byHead.json().confirmedAt]);
  });

  it('answers 30 concurrent confirmations with a pool of 10 (every read inside the transaction uses its connection)', async () => {
    const invitation = (await invite(single, c1, as.e1b)).json().id ?? (await sql(`SELECT id FROM invitations WHERE meeting_id = $1 AND customer_id = $2`, [single, c1]))[0].id;
    const answers = await Promise.all(Array.from({ length: 30 }, () => post(`/api/v1/invitations/${invitation}/confirm`, {}, as.e1b)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(200));
  }, 20_000);

  it('refuses inviting or confirming a customer another department holds, naming the holder (J-4)', async () => {
    const mine = (await sql(`SELECT id FROM invitations WHERE meeting_id = $1 AND customer_id = $2 AND department_id = $3`, [joint, c1, d1]))[0].id;
    await sql(`INSERT INTO meeting_locks (meeting_id, customer_id, department_id, locked_at) VALUES ($1, $2, $3, now())`, [joint, c1, d2]);
    const confirm = await post(`/api/v1/invitations/${mine}/confirm`, {}, as.e1);
    expect([confirm.statusCode, confirm.json().code, confirm.json().holderDepartmentId]).toEqual([409, 'INVITATION_LOCKED_BY_OTHER_DEPARTMENT', d2]);
    expect((await sql('SELECT status FROM invitations WHERE id = $1', [mine]))[0].status).toBe('INVITED');
    const holder = (await sql(`SELECT id FROM invitations WHERE meeting_id = $1 AND customer_id = $2 AND department_id = $3`, [joint, c1, d2]))[0].id;
    expect((await post(`/api/v1/invitations/${holder}/confirm`, {}, as.e2)).statusCode).toBe(200);
  });

  it('takes no invitation or confirmation from the meeting-day deadline on (J-6): 09:59:59 yes, 10:00 no', async () => {
    expect((await moveClock('2030-05-30T12:00:00+08:00')).statusCode).toBe(200);
    const meeting = (await post('/api/v1/meetings', { date: '2030-06-01', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    const early = (await invite(meeting, c1, as.e1)).json();
    await moveClock('2030-06-01T09:59:59+08:00');
    expect((await invite(meeting, c2, as.e1)).statusCode).toBe(201);
    await moveClock('2030-06-01T10:00:00+08:00');
    const late = await invite(meeting, c5, as.e1);
    expect([late.statusCode, late.json().code]).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    const confirm = await post(`/api/v1/invitations/${early.id}/confirm`, {}, as.e1);
    expect([confirm.statusCode, confirm.json().code]).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    await svc.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
  });

  it("lists a meeting's invitations page by page: staff see their own department's, the coordinator any", async () => {
    const get = (url: string, headers: Record<string, string>) => svc.inject({ method: 'GET', url, headers });
    const all = await sql(`SELECT id, department_id FROM invitations WHERE meeting_id = $1 ORDER BY invited_at, id`, [joint]);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/meetings/${joint}/invitations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, bearer(Role.COORDINATOR));
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));

    const own = await get(`/api/v1/meetings/${joint}/invitations?limit=200`, as.e2);
    expect(own.json().items.map((i: { id: string }) => i.id)).toEqual(all.filter((r: { department_id: string }) => r.department_id === d2).map((r: { id: string }) => r.id));
    const confirmed = await get(`/api/v1/meetings/${joint}/invitations?status=CONFIRMED&departmentId=${d2}`, as.e2);
    expect(confirmed.json().items.every((i: { status: string; departmentId: string }) => i.status === 'CONFIRMED' && i.departmentId === d2)).toBe(true);
    expect((await get(`/api/v1/meetings/${joint}/invitations?customerId=${c1}`, admin)).json().items.map((i: { customerId: string }) => i.customerId)).toEqual([c1, c1]);

    for (const [url, headers, status, code] of [
      [`/api/v1/meetings/${joint}/invitations?departmentId=${d1}`, as.e2, 403, 'NOT_YOUR_DEPARTMENT'],
      [`/api/v1/meetings/${randomUUID()}/invitations`, admin, 404, 'MEETING_NOT_FOUND'],
      [`/api/v1/meetings/${joint}/invitations?cursor=not-one-of-ours`, admin, 400, 'INVALID_CURSOR'],
      [`/api/v1/meetings/${joint}/invitations?status=MAYBE`, admin, 400, 'VALIDATION_FAILED'],
      [`/api/v1/meetings/${joint}/invitations?limit=0`, admin, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await get(url, headers);
      expect([url, res.statusCode, res.json().code]).toEqual([url, status, code]);
    }
  });

  it('serves invitations in the graph: the mutations and Customer.invitations', async () => {
    const gql = (query: string, variables: object, headers = as.e2) => post('/graphql', { query, variables }, headers);
    const invited = await gql(`mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id status meeting { id joint } } }`, { m: joint, c: c2 });
    expect(invited.json().errors).toBeUndefined();
    expect(invited.json().data.inviteCustomer).toMatchObject({ status: 'INVITED', meeting: { id: joint, joint: true } });
    const confirmed = await gql(`mutation($id: ID!) { confirmInvitation(id: $id) { status } }`, { id: invited.json().data.inviteCustomer.id });
    expect(confirmed.json().data.confirmInvitation.status).toBe('CONFIRMED');
    const refused = await gql(`mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id } }`, { m: single, c: c2 }, as.e1);
    expect(refused.json().errors[0].extensions.code).toBe('CUSTOMER_NOT_IN_DEPARTMENT');

    const entities = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id invitations { departmentId status meeting { id } } } } }`,
      { r: [{ __typename: 'Customer', id: c2 }] },
      admin,
    );
    const invitations = entities.json().data._entities[0].invitations;
    expect(invitations).toEqual(expect.arrayContaining([{ departmentId: d2, status: 'CONFIRMED', meeting: { id: joint } }, { departmentId: d1, status: 'INVITED', meeting: { id: joint } }]));

    // No guard runs on _entities: the field checks its caller itself.
    const entitiesAs = async (headers: Record<string, string>) =>
      (await gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { invitations { status } } } }`, { r: [{ __typename: 'Customer', id: c2 }] }, headers)).json();
    expect((await entitiesAs({})).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await entitiesAs({ authorization: 'Bearer forged' })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await entitiesAs(await partner(['customers:read']))).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await entitiesAs(await partner(['campaigns:read']))).data._entities[0].invitations).toHaveLength(invitations.length);
  });
});
