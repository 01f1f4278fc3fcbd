import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** J-10 against real parts: the sale goes to the holder of the invitation, refunds never exceed the sale. */
describe('campaigns: sales and refunds', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [owner, holder] = [randomUUID(), randomUUID()];
  const [customer, referrer, walkIn, absent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const as = { owner: bearer(Role.EMPLOYEE, owner, d1), holder: bearer(Role.EMPLOYEE, holder, d2) };
  let meeting: string;
  let saleId: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const events = (name: string) => sql(`SELECT payload FROM outbox WHERE name = $1 ORDER BY sequence`, [name]);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    for (const c of [customer, referrer, walkIn, absent]) {
      await feed.publish('customer.registered', { customerId: c, ownerId: owner, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
    await at('2030-10-01T10:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2030-10-03', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    // The other department invites the owner's customer, confirms and holds the lock with an on-time sheet.
    const invitation = (await post(`/api/v1/meetings/${meeting}/invitations`, { customerId: customer }, as.holder)).json().id;
    await post(`/api/v1/invitations/${invitation}/confirm`, {}, as.holder);
    expect((await post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: d2, customerIds: [customer], plannedCustomerIds: [] }, bearer(Role.DEPARTMENT_HEAD, randomUUID(), d2))).json().locked).toEqual([customer]);
    await at('2030-10-03T14:00:00+08:00');
    await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId: customer, referrerId: referrer }, as.owner);
    await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId: walkIn }, as.owner);
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('credits the holder of the invitation, not the owner, and announces it with the referrer (J-10)', async () => {
    const res = await post(`/api/v1/meetings/${meeting}/sales`, { customerId: customer, amountFen: 250_000 }, as.owner);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ amountFen: 250_000, creditedEmployeeId: holder, creditedDepartmentId: d2, referrerId: referrer });
    saleId = res.json().id;
    expect((await events('sale.recorded')).map((e: { payload: object }) => e.payload)).toEqual([
      expect.objectContaining({ saleId, customerId: customer, amountFen: 250_000, creditedEmployeeId: holder, creditedDepartmentId: d2, referrerId: referrer }),
    ]);
  });

  it('credits a walk-in nobody invited to the owner', async () => {
    const res = await post(`/api/v1/meetings/${meeting}/sales`, { customerId: walkIn, amountFen: 1000 }, as.owner);
    expect(res.json()).toMatchObject({ creditedEmployeeId: owner, creditedDepartmentId: d1, invitationId: null });
  });

  it.each([
    ['a negative amount', () => ({ customerId: customer, amountFen: -1 }), 400, 'VALIDATION_FAILED'],
    ['a fractional amount', () => ({ customerId: customer, amountFen: 10.5 }), 400, 'VALIDATION_FAILED'],
    ['a customer not checked in', () => ({ customerId: absent, amountFen: 1000 }), 422, 'CUSTOMER_NOT_CHECKED_IN'],
  ])('refuses %s and records nothing', async (_what, body, status, code) => {
    const before = await sql('SELECT count(*)::int AS n FROM sales');
    const res = await post(`/api/v1/meetings/${meeting}/sales`, body(), as.owner);
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await sql('SELECT count(*)::int AS n FROM sales')).toEqual(before);
  });

  it('refunds in parts, never beyond the sale, even when refunds race', async () => {
    // The sale is credited to the holder's department (d2): the owner's department neither sees nor refunds it.
    const otherDepartment = await post(`/api/v1/sales/${saleId}/refunds`, { amountFen: 1 }, as.owner);
    expect([otherDepartment.statusCode, otherDepartment.json().code]).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    const peek = await svc.inject({ method: 'GET', url: `/api/v1/sales/${saleId}`, headers: as.owner });
    expect([peek.statusCode, peek.json().code]).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect((await svc.inject({ method: 'GET', url: `/api/v1/sales/${saleId}`, headers: as.holder })).json()).toMatchObject({ refundedFen: 0 });
    expect((await post(`/api/v1/sales/${saleId}/refunds`, { amountFen: 100_000 }, as.holder)).statusCode).toBe(201);
    const racing = await Promise.all(Array.from({ length: 10 }, () => post(`/api/v1/sales/${saleId}/refunds`, { amountFen: 50_000 }, as.holder)));
    expect(racing.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(racing.filter((r) => r.statusCode === 422).every((r) => r.json().code === 'REFUND_EXCEEDS_SALE')).toBe(true);
    expect((await svc.inject({ method: 'GET', url: `/api/v1/sales/${saleId}`, headers: admin })).json()).toMatchObject({ amountFen: 250_000, refundedFen: 250_000 });
    const refunds = await events('sale.refunded');
    expect(refunds.reduce((sum: number, e: { payload: { amountFen: number } }) => sum + e.payload.amountFen, 0)).toBe(250_000);
    const unknown = await post(`/api/v1/sales/${randomUUID()}/refunds`, { amountFen: 1 }, as.holder);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'SALE_NOT_FOUND']);
  });

  it('records sales and refunds through the graph', async () => {
    const gql = (query: string, variables: object) => post('/graphql', { query, variables }, as.owner);
    const sale = await gql(`mutation($m: ID!, $i: RecordSaleInput!) { recordSale(meetingId: $m, input: $i) { id amountFen creditedEmployeeId } }`, { m: meeting, i: { customerId: customer, amountFen: 3_000_000_000 } });
    expect(sale.json().data.recordSale).toMatchObject({ amountFen: 3_000_000_000, creditedEmployeeId: holder });
    const refund = await gql(`mutation($s: ID!, $i: RefundSaleInput!) { refundSale(saleId: $s, input: $i) { amountFen } }`, { s: sale.json().data.recordSale.id, i: { amountFen: 0 } });
    expect(refund.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it("lists a meeting's sales in the order sold: the credited department's staff and company-wide roles", async () => {
    const get = (url: string, headers: Record<string, string>) => svc.inject({ method: 'GET', url, headers });
    const sold = await sql(`SELECT id, credited_department_id FROM sales WHERE meeting_id = $1 ORDER BY sold_at, id`, [meeting]);
    expect(sold.length).toBeGreaterThanOrEqual(2);
    const all = await get(`/api/v1/meetings/${meeting}/sales?limit=1`, bearer(Role.GENERAL_MANAGER));
    expect([all.statusCode, all.json().items.map((s: { id: string }) => s.id)]).toEqual([200, [sold[0].id]]);
    const next = await get(`/api/v1/meetings/${meeting}/sales?limit=200&cursor=${all.json().nextCursor}`, bearer(Role.GENERAL_MANAGER));
    expect(next.json()).toEqual({ items: sold.slice(1).map((r: { id: string }) => expect.objectContaining({ id: r.id })), nextCursor: null });

    const mine = await get(`/api/v1/meetings/${meeting}/sales`, as.holder);
    expect(mine.json().items.map((s: { id: string }) => s.id)).toEqual(sold.filter((r: { credited_department_id: string }) => r.credited_department_id === d2).map((r: { id: string }) => r.id));
    expect(mine.json().items[0]).toMatchObject({ amountFen: 250_000, refundedFen: expect.any(Number), creditedEmployeeId: holder });
    const other = await get(`/api/v1/meetings/${meeting}/sales?departmentId=${d1}`, as.holder);
    expect([other.statusCode, other.json().code]).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
  });
});
