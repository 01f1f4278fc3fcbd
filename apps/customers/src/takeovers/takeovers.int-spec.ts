import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { EventConsumer } from '@crm/events';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/**
 * V-2 against real PostgreSQL and Redis: campaigns' `takeover.reported` (published into the real queue) files a
 * report, the resource director approves it (the customer moves through the one ownership writer) or declines
 * it (nothing moves), once; and the company (the general manager too) reassigns under-served customers.
 */
describe('V-2: takeover reports and the company reassigning under-served customers', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const ids: Record<string, string> = {};
  let phoneSeq = 0;
  const director = () => bearer(Role.RESOURCE_DIRECTOR, ids.director);
  const manager = () => bearer(Role.GENERAL_MANAGER, ids.manager);
  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    svc.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query, variables } }).then((r) => r.json());
  const customerOf = async (ownerId: string) => {
    const res = await post('/api/v1/customers', { name: '顾客', phone: `1570000${String(++phoneSeq).padStart(4, '0')}`, source: 'WALK_IN', ownerId });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const ownerOf = async (customerId: string) => {
    const c = (await get(`/api/v1/customers/${customerId}`)).json();
    return { ownerId: c.ownerId, departmentId: c.departmentId };
  };
  /** campaigns' event: `reporter` of B invited A's under-served customer. */
  const report = async (customerId: string, invitationId = randomUUID(), eventId?: string) => {
    await feed.publish(
      'takeover.reported',
      {
        invitationId,
        meetingId: ids.meeting,
        customerId,
        ownerId: ids.a1,
        departmentId: ids.A,
        reportingEmployeeId: ids.b1,
        reportingDepartmentId: ids.B,
        reportedAt: svc.app.get(Clock).now().toISOString(),
      },
      { id: eventId },
    );
    const [row] = await sql('SELECT id FROM takeover_reports WHERE invitation_id = $1', [invitationId]);
    return row.id as string;
  };
  const underServed = (customerId: string, ownerId = ids.a1) =>
    feed.publish('customer.under_served', { customerId, ownerId, departmentId: ids.A, lastServedAt: null, detectedAt: svc.app.get(Clock).now().toISOString() });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock));
    ids.A = (await post('/api/v1/departments', { name: '甲部', code: 'TA' })).json().id;
    ids.B = (await post('/api/v1/departments', { name: '乙部', code: 'TB' })).json().id;
    const staff: [string, string, string | null][] = [
      ['a1', 'EMPLOYEE', 'A'],
      ['a2', 'EMPLOYEE', 'A'],
      ['headA', 'DEPARTMENT_HEAD', 'A'],
      ['b1', 'EMPLOYEE', 'B'],
      ['b2', 'EMPLOYEE', 'B'],
      ['director', 'RESOURCE_DIRECTOR', null],
      ['manager', 'GENERAL_MANAGER', null],
    ];
    for (const [key, role, department] of staff) {
      ids[key] = (await post('/api/v1/employees', { name: key, role, ...(department ? { departmentId: ids[department] } : {}) })).json().id;
    }
    ids.meeting = randomUUID();
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('files one PENDING report per invitation, however often the invitation is announced', async () => {
    const customerId = await customerOf(ids.a1);
    const invitationId = randomUUID();
    const eventId = randomUUID();
    const reportId = await report(customerId, invitationId, eventId);
    // Redelivered (same event id: the inbox) and announced again (new event id: one report per invitation).
    const again = await svc.app.get(EventConsumer).handle({
      id: eventId,
      name: 'takeover.reported',
      version: 1,
      producer: 'campaigns',
      payload: { invitationId, meetingId: ids.meeting, customerId, ownerId: ids.a1, departmentId: ids.A, reportingEmployeeId: ids.b1, reportingDepartmentId: ids.B, reportedAt: new Date().toISOString() },
      requestId: null,
      occurredAt: new Date().toISOString(),
    });
    expect(again).toBe('duplicate');
    await report(customerId, invitationId);
    expect(await sql('SELECT count(*)::int AS n FROM takeover_reports WHERE invitation_id = $1', [invitationId])).toEqual([{ n: 1 }]);

    const listed = await get('/api/v1/takeover-reports?status=PENDING&limit=200', director());
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.find((r: { id: string }) => r.id === reportId)).toEqual({
      id: reportId,
      customerId,
      reportingEmployeeId: ids.b1,
      reportingDepartmentId: ids.B,
      invitationId,
      meetingId: ids.meeting,
      ownerId: ids.a1,
      departmentId: ids.A,
      status: 'PENDING',
      createdAt: expect.any(String),
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
    });
    // The general manager may read the list; an employee, a head and a partner may not.
    expect((await get('/api/v1/takeover-reports', manager())).statusCode).toBe(200);
    for (const who of [bearer(Role.EMPLOYEE, ids.b1, ids.B), bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A)]) {
      expect((await get('/api/v1/takeover-reports', who)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
    expect((await get('/api/v1/takeover-reports?status=MAYBE', director())).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('moves the customer to the reporting employee on approval, with history, audit and event, and decides once', async () => {
    const customerId = await customerOf(ids.a1);
    const reportId = await report(customerId);
    // Refused before anything is looked at: an employee (even the reporter), a head, the general manager.
    for (const who of [bearer(Role.EMPLOYEE, ids.b1, ids.B), bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A), manager()]) {
      const denied = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, who);
      expect([denied.statusCode, denied.json().code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.a1, departmentId: ids.A });

    const approved = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, director());
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id: reportId, status: 'APPROVED', decidedBy: ids.director, decidedAt: expect.any(String), declineReason: null });
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.b1, departmentId: ids.B });
    const [entry] = (await get(`/api/v1/customers/${customerId}/history`)).json().items;
    expect(entry).toMatchObject({ kind: 'OWNER', from: ids.a1, to: ids.b1, actorId: ids.director, cause: `takeover report ${reportId} approved: invited while under-served (V-2)` });
    expect(await sql(`SELECT cause_code, cause_id FROM customer_history WHERE customer_id = $1 AND from_value IS NOT NULL`, [customerId])).toEqual([
      { cause_code: 'UNDER_SERVED', cause_id: reportId },
    ]);
    expect(await sql(`SELECT actor, detail FROM audit_log WHERE action = 'OWNER_CHANGED' AND subject_id = $1`, [customerId])).toEqual([
      { actor: `employee:${ids.director}`, detail: { from: ids.a1, to: ids.b1, cause: 'UNDER_SERVED', causeId: reportId } },
    ]);
    const [transferred] = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'customerId' = $1`, [customerId]);
    expect(transferred.payload).toMatchObject({ cause: 'UNDER_SERVED', causeId: reportId, fromOwnerId: ids.a1, toOwnerId: ids.b1, toDepartmentId: ids.B, transferredBy: ids.director });

    // Decided once: neither approved again nor declined afterwards, and nothing moves.
    const twice = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, director());
    expect(twice.json()).toMatchObject({ status: 409, code: 'TAKEOVER_ALREADY_DECIDED', reportStatus: 'APPROVED' });
    const declined = await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: 'changed my mind' }, director());
    expect([declined.statusCode, declined.json().code]).toEqual([409, 'TAKEOVER_ALREADY_DECIDED']);
    expect(await sql(`SELECT count(*)::int AS n FROM customer_history WHERE customer_id = $1`, [customerId])).toEqual([{ n: 2 }]);
    expect((await get('/api/v1/takeover-reports?status=APPROVED', director())).json().items.map((r: { id: string }) => r.id)).toContain(reportId);
  });

  it('moves nothing on a decline, which needs a reason, and decides once', async () => {
    const customerId = await customerOf(ids.a1);
    const reportId = await report(customerId);
    for (const reason of [undefined, '', '   ', 'x'.repeat(501)]) {
      const bad = await post(`/api/v1/takeover-reports/${reportId}/decline`, reason === undefined ? {} : { reason }, director());
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const employee = await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: 'no' }, bearer(Role.EMPLOYEE, ids.a1, ids.A));
    expect(employee.statusCode).toBe(403);
    const declined = await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: ' the owner visits next week ' }, director());
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'DECLINED', decidedBy: ids.director, declineReason: 'the owner visits next week' });
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.a1, departmentId: ids.A });
    expect(await sql(`SELECT count(*)::int AS n FROM outbox WHERE name = 'customer.transferred' AND payload->>'customerId' = $1`, [customerId])).toEqual([{ n: 0 }]);
    const approve = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, director());
    expect([approve.statusCode, approve.json().code]).toEqual([409, 'TAKEOVER_ALREADY_DECIDED']);
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.a1, departmentId: ids.A });
  });

  it('refuses to approve once the customer left the reported department, leaving the report to be declined', async () => {
    const customerId = await customerOf(ids.a1);
    const reportId = await report(customerId);
    const second = await report(customerId);
    // Moved inside the reported department: still approvable (the department was reported, not the employee).
    expect((await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.a2, reason: 'handover' }, director())).statusCode).toBe(201);
    // The first approval moves the customer to B; the second report is now stale.
    expect((await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, director())).json()).toMatchObject({ status: 'APPROVED' });
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.b1, departmentId: ids.B });
    const stale = await post(`/api/v1/takeover-reports/${second}/approval`, {}, director());
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'TAKEOVER_CUSTOMER_MOVED', customerId, reportedDepartmentId: ids.A, currentDepartmentId: ids.B });
    expect(await ownerOf(customerId)).toEqual({ ownerId: ids.b1, departmentId: ids.B });
    expect((await get('/api/v1/takeover-reports?status=PENDING&limit=200', director())).json().items.map((r: { id: string }) => r.id)).toContain(second);
    expect((await post(`/api/v1/takeover-reports/${second}/decline`, { reason: 'already moved' }, director())).json()).toMatchObject({ status: 'DECLINED' });
  });

  it('answers an unknown report with 404 and a malformed id with 400', async () => {
    const unknown = await post(`/api/v1/takeover-reports/${randomUUID()}/approval`, {}, director());
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'TAKEOVER_REPORT_NOT_FOUND']);
    expect((await post('/api/v1/takeover-reports/not-a-uuid/approval', {}, director())).statusCode).toBe(400);
  });

  it('pages the list with cursors, each report once', async () => {
    const customerId = await customerOf(ids.a1);
    for (let i = 0; i < 3; i++) await report(customerId);
    const all = (await get('/api/v1/takeover-reports?limit=200', director())).json().items.map((r: { id: string }) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/v1/takeover-reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`, director())).json();
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await get('/api/v1/takeover-reports?cursor=garbage', director())).json().code).toBe('INVALID_CURSOR');
  });

  it('serves the same over GraphQL: takeoverReports, approveTakeover, declineTakeover', async () => {
    const [c1, c2] = [await customerOf(ids.a1), await customerOf(ids.a1)];
    const [r1, r2] = [await report(c1), await report(c2)];
    const list = await graphql(
      `query { takeoverReports(status: PENDING, first: 200) { edges { cursor node { id customerId status } } pageInfo { hasNextPage endCursor } } }`,
      {},
      director(),
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.takeoverReports.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining([r1, r2]));
    const employee = await graphql(`query { takeoverReports { nodes { id } } }`, {}, bearer(Role.EMPLOYEE, ids.b1, ids.B));
    expect(employee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = await graphql(`mutation($id: ID!) { approveTakeover(id: $id) { id status decidedBy } }`, { id: r1 }, director());
    expect(approved.data.approveTakeover).toEqual({ id: r1, status: 'APPROVED', decidedBy: ids.director });
    expect(await ownerOf(c1)).toEqual({ ownerId: ids.b1, departmentId: ids.B });
    const again = await graphql(`mutation($id: ID!) { approveTakeover(id: $id) { id } }`, { id: r1 }, director());
    expect(again.errors?.[0].extensions?.code).toBe('TAKEOVER_ALREADY_DECIDED');
    const declined = await graphql(`mutation($id: ID!, $reason: String!) { declineTakeover(id: $id, reason: $reason) { status declineReason } }`, { id: r2, reason: 'no' }, director());
    expect(declined.data.declineTakeover).toEqual({ status: 'DECLINED', declineReason: 'no' });
    expect(await ownerOf(c2)).toEqual({ ownerId: ids.a1, departmentId: ids.A });
  });

  describe('the company reassigning an under-served customer (POST /customers/{id}/transfer)', () => {
    it('lets the general manager move an under-served customer, and no other', async () => {
      const customerId = await customerOf(ids.a1);
      const refused = await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b2, reason: 'reassign' }, manager());
      expect([refused.statusCode, refused.json().code]).toEqual([409, 'CUSTOMER_NOT_UNDER_SERVED']);
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.a1, departmentId: ids.A });

      await underServed(customerId);
      expect((await get(`/api/v1/customers/${customerId}`)).json().underServed).toBe(true);
      const moved = await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b2, reason: 'under-served for 3 months (V-2)' }, manager());
      expect(moved.statusCode).toBe(201);
      // A new owner starts a new window: no longer under-served, so the general manager cannot move them on.
      expect(moved.json()).toMatchObject({ ownerId: ids.b2, departmentId: ids.B, underServed: false });
      const [entry] = (await get(`/api/v1/customers/${customerId}/history`)).json().items;
      expect(entry).toMatchObject({ kind: 'OWNER', from: ids.a1, to: ids.b2, actorId: ids.manager });
      expect(await sql(`SELECT actor FROM audit_log WHERE action = 'OWNER_CHANGED' AND subject_id = $1`, [customerId])).toEqual([{ actor: `employee:${ids.manager}` }]);
      const onwards = await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b1, reason: 'again' }, manager());
      expect([onwards.statusCode, onwards.json().code]).toEqual([409, 'CUSTOMER_NOT_UNDER_SERVED']);
      // A late flag for the owner they had is stale and raises nothing.
      await underServed(customerId, ids.a1);
      expect((await get(`/api/v1/customers/${customerId}`)).json()).toMatchObject({ ownerId: ids.b2, underServed: false });
    });

    it('keeps the resource director free to move any customer, and a head or employee out', async () => {
      const customerId = await customerOf(ids.a1);
      for (const who of [bearer(Role.EMPLOYEE, ids.a1, ids.A), bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A)]) {
        expect((await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b1, reason: 'x' }, who)).statusCode).toBe(403);
      }
      const moved = await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b1, reason: 'decision' }, director());
      expect([moved.statusCode, moved.json().ownerId]).toEqual([201, ids.b1]);
      const gql = await graphql(
        `mutation($id: ID!, $to: ID!) { transferCustomer(id: $id, toEmployeeId: $to, reason: "back") { ownerId } }`,
        { id: customerId, to: ids.a1 },
        manager(),
      );
      expect(gql.errors?.[0].extensions?.code).toBe('CUSTOMER_NOT_UNDER_SERVED');
    });
  });
});
