import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { RewardsHarness } from './testing/harness';

/** The service as a whole: replicas from customers' events, reading points over REST and in the subgraph, tiers. */
describe('rewards: accounts, tiers and the subgraph', () => {
  let h: RewardsHarness;

  beforeAll(async () => {
    h = await RewardsHarness.start({ REWARDS_TIERS: 'STANDARD:0,SILVER:1000,GOLD:5000' });
  });

  afterAll(() => h?.close());

  it('keeps the organisation copy and partner keys from customers\' events', async () => {
    const d = randomUUID();
    await h.feed.publish('department.saved', { departmentId: d, name: '一部', code: 'D1', headId: null, savedAt: h.nowIso() });
    await h.feed.publish('employee.saved', { employeeId: randomUUID(), name: '员工', role: 'EMPLOYEE', departmentId: d, savedAt: h.nowIso() });
    expect(await h.sql('SELECT name FROM departments WHERE id = $1', [d])).toEqual([{ name: '一部' }]);
    expect((await h.sql('SELECT count(*)::int AS n FROM employees WHERE department_id = $1', [d]))[0].n).toBe(1);
  });

  it('answers 0 for a known customer without points, 404 for an unknown one, 400 for a malformed id', async () => {
    // P-1: an employee reads the points of the customers they own (customers/customer-access.ts).
    const ownerId = randomUUID();
    const departmentId = randomUUID();
    const known = await h.registerCustomer(randomUUID(), null, { ownerId, departmentId });
    const res = await h.get(`/api/v1/points/${known}`, bearer(Role.EMPLOYEE, ownerId, departmentId));
    expect([res.statusCode, res.json()]).toEqual([200, { customerId: known, balance: 0, tier: 'STANDARD', lifetimePoints: 0, owedPoints: 0, entries: [], nextCursor: null }]);
    const unknown = await h.get(`/api/v1/points/${randomUUID()}`);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    expect((await h.get('/api/v1/points/42')).statusCode).toBe(400);
    expect((await h.get(`/api/v1/points/${known}`, {})).statusCode).toBe(401);
  });

  it('lists entries newest first, a page at a time, and reads the tier from lifetime points', async () => {
    const customer = await h.registerCustomer();
    for (let i = 0; i < 5; i++) await h.fund(customer, 300); // 1500 lifetime: SILVER
    await h.post(`/api/v1/points/${customer}/redemptions`, { points: 1200, gift: '按摩椅' }, { ...h.admin, 'idempotency-key': randomUUID() });
    const first = (await h.get(`/api/v1/points/${customer}?limit=4`)).json();
    expect(first).toMatchObject({ balance: 300, lifetimePoints: 1500, tier: 'SILVER' });
    expect(first.entries.map((e: { points: number }) => e.points)).toEqual([-1200, 300, 300, 300]);
    expect(first.entries[0]).toEqual({ id: expect.any(String), points: -1200, reason: 'REDEMPTION', sourceEventId: expect.any(String), createdAt: expect.any(String) });
    const second = (await h.get(`/api/v1/points/${customer}?limit=4&cursor=${first.nextCursor}`)).json();
    expect([second.entries.length, second.nextCursor]).toEqual([2, null]);
    expect((await h.get(`/api/v1/points/${customer}?cursor=nonsense`)).json().code).toBe('INVALID_CURSOR');
    expect((await h.get(`/api/v1/points/${customer}?limit=0`)).json().code).toBe('VALIDATION_FAILED');
    for (let i = 0; i < 12; i++) await h.fund(customer, 300); // 5100 lifetime: GOLD
    expect((await h.get(`/api/v1/points/${customer}`)).json().tier).toBe('GOLD');
  });

  it('contributes Customer.points to the graph, batched, and checks the caller itself', async () => {
    // P-1: the employee owns both customers (another department's staff see null, points-access.int-spec.ts).
    const owner = { ownerId: randomUUID(), departmentId: randomUUID() };
    const a = await h.registerCustomer(randomUUID(), null, owner);
    const b = await h.registerCustomer(randomUUID(), null, owner);
    await h.fund(a, 200);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id points { customerId balance tier lifetimePoints owedPoints entries(first: 1) { points reason } } } } }`;
    const r = [{ __typename: 'Customer', id: a }, { __typename: 'Customer', id: b }];
    const res = await h.graphql(query, { r }, bearer(Role.EMPLOYEE, owner.ownerId, owner.departmentId));
    expect(res.json().errors).toBeUndefined();
    expect(res.json().data._entities).toEqual([
      { id: a, points: { customerId: a, balance: 200, tier: 'STANDARD', lifetimePoints: 200, owedPoints: 0, entries: [{ points: 200, reason: 'REFERRAL_SALES' }] } },
      { id: b, points: { customerId: b, balance: 0, tier: 'STANDARD', lifetimePoints: 0, owedPoints: 0, entries: [] } },
    ]);
    // _entities has no route guard: the field authenticates and checks partner scopes itself.
    const anonymous = await h.graphql(query, { r }, {});
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrongScope = await h.graphql(query, { r }, await h.partner(['customers:read']));
    expect(wrongScope.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const reader = await h.graphql(query, { r }, await h.partner(['points:read']));
    expect(reader.json().data._entities[0].points.balance).toBe(200);
    const tooMany = await h.graphql(query.replace('first: 1', 'first: 500'), { r });
    expect(tooMany.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('redeems through the graph with the same idempotency rules', async () => {
    const customer = await h.registerCustomer();
    await h.fund(customer, 500);
    const mutation = `mutation($c: ID!, $p: Int!, $g: String!, $k: String!) { redeemPoints(customerId: $c, points: $p, gift: $g, idempotencyKey: $k) { id points gift balance replayed customer { id } account { balance entries(first: 1) { reason } } } }`;
    const key = randomUUID();
    const first = await h.graphql(mutation, { c: customer, p: 200, g: '茶叶', k: key }, bearer(Role.CRM_CLERK));
    expect(first.json().errors).toBeUndefined();
    expect(first.json().data.redeemPoints).toMatchObject({ points: 200, gift: '茶叶', balance: 300, replayed: false, customer: { id: customer }, account: { balance: 300, entries: [{ reason: 'REDEMPTION' }] } });
    const again = await h.graphql(mutation, { c: customer, p: 200, g: '茶叶', k: key }, bearer(Role.CRM_CLERK));
    expect(again.json().data.redeemPoints).toMatchObject({ id: first.json().data.redeemPoints.id, replayed: true, balance: 300 });
    const codeOf = async (vars: object, headers = bearer(Role.CRM_CLERK)) => (await h.graphql(mutation, vars, headers)).json().errors?.[0]?.extensions?.code;
    expect(await codeOf({ c: customer, p: 201, g: '茶叶', k: key })).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await codeOf({ c: customer, p: 301, g: '茶叶', k: randomUUID() })).toBe('POINTS_INSUFFICIENT');
    expect(await codeOf({ c: customer, p: 0, g: '茶叶', k: randomUUID() })).toBe('VALIDATION_FAILED');
    expect(await codeOf({ c: customer, p: 10, g: '茶叶', k: '' })).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await codeOf({ c: 'nope', p: 10, g: '茶叶', k: randomUUID() })).toBe('VALIDATION_FAILED');
    expect(await codeOf({ c: randomUUID(), p: 10, g: '茶叶', k: randomUUID() })).toBe('CUSTOMER_NOT_FOUND');
    expect(await codeOf({ c: customer, p: 10, g: '茶叶', k: randomUUID() }, bearer(Role.EMPLOYEE))).toBe('FORBIDDEN');
    expect(await h.balanceOf(customer)).toBe(300);
  });

  it('answers pointsAccount for a known customer and CUSTOMER_NOT_FOUND otherwise', async () => {
    const customer = await h.registerCustomer();
    const q = `query($c: ID!) { pointsAccount(customerId: $c) { balance tier } }`;
    expect((await h.graphql(q, { c: customer })).json().data.pointsAccount).toEqual({ balance: 0, tier: 'STANDARD' });
    expect((await h.graphql(q, { c: randomUUID() })).json().errors[0].extensions.code).toBe('CUSTOMER_NOT_FOUND');
  });
});
