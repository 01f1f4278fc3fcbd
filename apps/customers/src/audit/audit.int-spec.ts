import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { EventConsumer } from '@crm/events';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

interface Entry {
  id: string;
  actorId: string | null;
  actor: string;
  action: string;
  customerId: string;
  at: string;
  detail: Record<string, unknown>;
}

/**
 * P-2 against real PostgreSQL and Redis: one audit trail of who read whose personal data (here, and in
 * service-visits through `personal_data.read`) and who changed ownership, listed for the general manager and
 * admins only.
 */
describe('P-2: the audit trail', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const ids: Record<string, string> = {};
  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const manager = () => bearer(Role.GENERAL_MANAGER, ids.manager);
  const audit = async (query: string, headers = manager()): Promise<Entry[]> => {
    const res = await get(`/api/v1/audit?limit=200&${query}`, headers);
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const healthRead = (customerIds: string[], actorId: string, readAt: string, id?: string) =>
    feed.publish('personal_data.read', { customerIds, data: 'HEALTH_READINGS', actor: `employee:${actorId}`, actorId, readAt }, { id });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock));
    ids.A = (await post('/api/v1/departments', { name: '甲部', code: 'PA' })).json().id;
    ids.B = (await post('/api/v1/departments', { name: '乙部', code: 'PB' })).json().id;
    for (const [key, role, department] of [
      ['a1', 'EMPLOYEE', 'A'],
      ['headA', 'DEPARTMENT_HEAD', 'A'],
      ['b1', 'EMPLOYEE', 'B'],
      ['director', 'RESOURCE_DIRECTOR', null],
      ['manager', 'GENERAL_MANAGER', null],
    ] as const) {
      ids[key] = (await post('/api/v1/employees', { name: key, role, ...(department ? { departmentId: ids[department] } : {}) })).json().id;
    }
    for (const [key, phone] of [
      ['c1', '13600000001'],
      ['c2', '13600000002'],
    ]) {
      ids[key] = (await post('/api/v1/customers', { name: key, phone, source: 'WALK_IN' }, bearer(Role.EMPLOYEE, ids.a1, ids.A))).json().id;
    }
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('lists the reads of full personal data and the ownership changes, filtered by customer and by actor', async () => {
    // The head reads c1 in full (P-1: head of the owning department), the director moves c1 to b1.
    expect((await get(`/api/v1/customers/${ids.c1}`, bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A))).json().phoneMasked).toBe(false);
    expect((await post(`/api/v1/customers/${ids.c1}/transfer`, { toEmployeeId: ids.b1, reason: 'decision' }, bearer(Role.RESOURCE_DIRECTOR, ids.director))).statusCode).toBe(201);

    const ofC1 = await audit(`customerId=${ids.c1}`);
    expect(ofC1.every((e) => e.customerId === ids.c1)).toBe(true);
    expect(ofC1.map((e) => [e.actorId, e.action])).toEqual(
      expect.arrayContaining([
        [ids.a1, 'READ_PERSONAL_DATA'], // the registration's answer showed the owner the full phone
        [ids.headA, 'READ_PERSONAL_DATA'],
        [ids.director, 'OWNER_CHANGED'],
      ]),
    );
    const moved = ofC1.find((e) => e.action === 'OWNER_CHANGED')!;
    expect(moved).toEqual({
      id: expect.any(String),
      actorId: ids.director,
      actor: `employee:${ids.director}`,
      action: 'OWNER_CHANGED',
      customerId: ids.c1,
      at: expect.any(String),
      detail: { from: ids.a1, to: ids.b1, cause: 'MANUAL', causeId: null },
    });
    const byHead = await audit(`actorId=${ids.headA}`);
    expect(byHead.map((e) => [e.customerId, e.action, e.detail.fields])).toEqual([[ids.c1, 'READ_PERSONAL_DATA', ['phone']]]);
    expect(await audit(`actorId=${ids.headA}&customerId=${ids.c2}`)).toEqual([]);
    // Partner keys are audited too, but they are not about customers: the list leaves them out.
    await post('/api/v1/api-keys', { name: 'ERP', scopes: ['customers:read'] });
    expect((await audit('')).every((e) => e.customerId && ['READ_PERSONAL_DATA', 'OWNER_CHANGED'].includes(e.action))).toBe(true);
  });

  it("records service-visits' reads of health readings in the same trail, once per event", async () => {
    const readAt = '2026-02-10T08:00:00.000Z';
    const eventId = await healthRead([ids.c1, ids.c2, ids.c2], ids.b1, readAt);
    const entries = await audit(`actorId=${ids.b1}`);
    expect(entries.map((e) => [e.customerId, e.action, e.at, e.detail]).sort()).toEqual(
      [
        [ids.c1, 'READ_PERSONAL_DATA', readAt, { fields: ['healthReadings'], service: 'service-visits', eventId }],
        [ids.c2, 'READ_PERSONAL_DATA', readAt, { fields: ['healthReadings'], service: 'service-visits', eventId }],
      ].sort(),
    );
    const again = await svc.app.get(EventConsumer).handle({
      id: eventId,
      name: 'personal_data.read',
      version: 1,
      producer: 'service-visits',
      payload: { customerIds: [ids.c1, ids.c2], data: 'HEALTH_READINGS', actor: `employee:${ids.b1}`, actorId: ids.b1, readAt },
      requestId: null,
      occurredAt: new Date().toISOString(),
    });
    expect(again).toBe('duplicate');
    expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE detail->>'eventId' = $1`, [eventId])).toEqual([{ n: 2 }]);
  });

  it('narrows to a time range: from inclusive, to exclusive, and pages with cursors', async () => {
    await healthRead([ids.c2], ids.a1, '2026-01-01T00:00:00.000Z');
    await healthRead([ids.c2], ids.a1, '2026-01-02T00:00:00.000Z');
    await healthRead([ids.c2], ids.a1, '2026-01-03T00:00:00.000Z');
    const range = await audit(`actorId=${ids.a1}&from=2026-01-01T00:00:00.000Z&to=2026-01-03T00:00:00.000Z`);
    expect(range.map((e) => e.at)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = (await get(`/api/v1/audit?customerId=${ids.c2}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, manager())).json();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await audit(`customerId=${ids.c2}`)).map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is for the general manager and admins only, and refuses bad filters with 400', async () => {
    expect((await get('/api/v1/audit', admin)).statusCode).toBe(200);
    for (const who of [
      bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A),
      bearer(Role.EMPLOYEE, ids.a1, ids.A),
      bearer(Role.RESOURCE_DIRECTOR, ids.director),
      bearer(Role.CRM_CLERK, randomUUID()),
    ]) {
      expect((await get(`/api/v1/audit?customerId=${ids.c1}`, who)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
    const partnerKey = (await post('/api/v1/api-keys', { name: 'BI', scopes: ['customers:read', 'customers:pii'] })).json().key;
    expect((await get('/api/v1/audit', { 'x-api-key': partnerKey })).statusCode).toBe(403);
    for (const query of ['actorId=nobody', 'customerId=1', 'from=yesterday', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'cursor=garbage', 'limit=0']) {
      const res = await get(`/api/v1/audit?${query}`, manager());
      expect([query, res.statusCode]).toEqual([query, 400]);
      expect(res.json().code).toBeDefined();
    }
  });

  it('serves auditEntries over GraphQL, with the same filter and the same refusals', async () => {
    const query = `query($filter: AuditFilterInput) { auditEntries(filter: $filter, first: 50) { edges { cursor node { actorId action customerId at } } pageInfo { hasNextPage } } }`;
    const gql = (variables: Record<string, unknown>, headers: Record<string, string>) =>
      svc.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query, variables } }).then((r) => r.json());
    const res = await gql({ filter: { customerId: ids.c1, actorId: ids.director } }, manager());
    expect(res.errors).toBeUndefined();
    expect(res.data.auditEntries.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { actorId: ids.director, action: 'OWNER_CHANGED', customerId: ids.c1, at: expect.any(String) },
      // The transfer's answer showed the director the full phone (P-1: their work needs it).
      { actorId: ids.director, action: 'READ_PERSONAL_DATA', customerId: ids.c1, at: expect.any(String) },
    ]);
    const head = await gql({}, bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A));
    expect(head.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
