import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer, jsonNumber } from '@crm/testing';
import type { TestDepartment } from '@crm/testing-events';
import { RewardsHarness } from '../testing/harness';

/**
 * P-1 for points: department staff read and redeem only for customers their department owns (the owner and the
 * owning head), company-wide roles and partners as before; a refused caller learns nothing (the unknown customer's
 * 404, no balance, no POINTS_INSUFFICIENT) and nothing changes. Ownership comes from the shared read model, which
 * follows transfers; a customer just registered is waited for (read your writes).
 */
describe('rewards: whose points department staff may read and redeem (P-1)', () => {
  let h: RewardsHarness;
  let d1: TestDepartment;
  let d2: TestDepartment;
  let customer: string;

  const redeem = (c: string, body: unknown, headers: Record<string, string>, key = randomUUID()) => h.post(`/api/v1/points/${c}/redemptions`, body, { ...headers, 'idempotency-key': key });
  const points = (c: string, headers: Record<string, string>) => h.get(`/api/v1/points/${c}`, headers);
  const ledgerOf = async (c: string) => (await h.sql(`SELECT count(*)::int AS n FROM points_entries WHERE customer_id = $1`, [c]))[0].n;
  const requestsBy = async (employeeId: string) => (await h.sql(`SELECT count(*)::int AS n FROM redemption_requests WHERE requested_by = $1`, [`employee:${employeeId}`]))[0].n;
  const codeOf = (res: { statusCode: number; json(): { code?: string } }) => [res.statusCode, res.json().code];

  beforeAll(async () => {
    h = await RewardsHarness.start();
    d1 = await h.department('D1');
    d2 = await h.department('D2');
    customer = await h.registerCustomer(randomUUID(), null, { ownerId: d1.employeeIds[0], departmentId: d1.id });
    await h.fund(customer, 500);
  });

  afterAll(() => h?.close());

  it("refuses another department's head a redemption as if the customer did not exist, and changes nothing", async () => {
    const entries = await ledgerOf(customer);
    for (const body of [{ points: 100, gift: '电饭煲' }, { points: 100_000, gift: '电饭煲' }]) {
      const res = await redeem(customer, body, d2.head);
      expect(codeOf(res)).toEqual([404, 'CUSTOMER_NOT_FOUND']);
      expect(res.body).not.toContain('balance');
      expect(res.body).not.toMatch(jsonNumber(500));
    }
    // The same answer as for a customer nobody registered: a refused head learns nothing.
    const unknown = await redeem(randomUUID(), { points: 100, gift: '电饭煲' }, d2.head);
    expect(codeOf(unknown)).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    expect(await h.balanceOf(customer)).toBe(500);
    expect(await ledgerOf(customer)).toBe(entries);
    expect(await requestsBy(d2.headId)).toBe(0);

    const gql = await h.graphql(`mutation($c: ID!, $k: String!) { redeemPoints(customerId: $c, points: 100, gift: "毛巾", idempotencyKey: $k) { balance } }`, { c: customer, k: randomUUID() }, d2.head);
    expect(gql.json().errors[0].extensions.code).toBe('CUSTOMER_NOT_FOUND');
    expect(gql.json().data?.redeemPoints ?? null).toBeNull();
    expect(await h.balanceOf(customer)).toBe(500);
    expect(await requestsBy(d2.headId)).toBe(0);
  });

  it("lets the owning department's head redeem, and the company-wide roles and partners as before", async () => {
    const res = await redeem(customer, { points: 100, gift: '保温杯' }, d1.head);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId: customer, points: 100, balance: 400 });
    // The head of the owning department who asks too much is told so: they may see the balance.
    expect(codeOf(await redeem(customer, { points: 10_000, gift: '按摩椅' }, d1.head))).toEqual([409, 'POINTS_INSUFFICIENT']);
    for (const role of [Role.CRM_CLERK, Role.GENERAL_MANAGER, Role.ADMIN]) expect((await redeem(customer, { points: 10, gift: '笔' }, bearer(role, randomUUID(), null))).statusCode).toBe(201);
    expect((await redeem(customer, { points: 10, gift: '笔' }, await h.partner(['points:write']))).statusCode).toBe(201);
    expect(await h.balanceOf(customer)).toBe(360);
  });

  it("shows the points to the owner, the owning head, company-wide roles and partners; to other staff it is 404", async () => {
    for (const viewer of [d1.employees[0], d1.head, bearer(Role.CRM_CLERK, randomUUID(), null), bearer(Role.COORDINATOR, randomUUID(), null), bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null), bearer(Role.GENERAL_MANAGER, randomUUID(), null), h.admin, await h.partner(['points:read'])]) {
      const res = await points(customer, viewer);
      expect([res.statusCode, res.json().balance]).toEqual([200, 360]);
    }
    for (const viewer of [d1.employees[1], d2.head, d2.employees[0], bearer(Role.DEPARTMENT_HEAD, randomUUID(), null)]) {
      const res = await points(customer, viewer);
      expect(codeOf(res)).toEqual([404, 'CUSTOMER_NOT_FOUND']);
      expect(res.body).not.toMatch(jsonNumber(360));
    }
    const account = `query($c: ID!) { pointsAccount(customerId: $c) { balance } }`;
    expect((await h.graphql(account, { c: customer }, d1.employees[0])).json().data.pointsAccount).toEqual({ balance: 360 });
    expect((await h.graphql(account, { c: customer }, d2.employees[0])).json().errors[0].extensions.code).toBe('CUSTOMER_NOT_FOUND');

    // In the graph another department's staff see no points (null), the owner does.
    const other = await h.registerCustomer(randomUUID(), null, { ownerId: d2.employeeIds[0], departmentId: d2.id });
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id points { balance } } } }`;
    const r = [{ __typename: 'Customer', id: customer }, { __typename: 'Customer', id: other }];
    const byD2 = await h.graphql(query, { r }, d2.employees[0]);
    expect(byD2.json().errors).toBeUndefined();
    expect(byD2.json().data._entities).toEqual([{ id: customer, points: null }, { id: other, points: { balance: 0 } }]);
    expect((await h.graphql(query, { r }, d1.head)).json().data._entities).toEqual([{ id: customer, points: { balance: 360 } }, { id: other, points: null }]);
    expect((await h.graphql(query, { r }, h.admin)).json().data._entities).toEqual([{ id: customer, points: { balance: 360 } }, { id: other, points: { balance: 0 } }]);
  });

  it('follows the customer to another department: its head now may, the old one may not', async () => {
    const c = await h.registerCustomer(randomUUID(), null, { ownerId: d1.employeeIds[0], departmentId: d1.id });
    await h.fund(c, 300);
    await h.feed.publish('customer.transferred', {
      customerId: c,
      fromOwnerId: d1.employeeIds[0],
      fromDepartmentId: d1.id,
      toOwnerId: d2.employeeIds[1],
      toDepartmentId: d2.id,
      reason: 'C-4',
      cause: 'MANUAL',
      causeId: null,
      transferredBy: randomUUID(),
      transferredAt: h.nowIso(),
    });
    expect(codeOf(await redeem(c, { points: 100, gift: '笔' }, d1.head))).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    expect(codeOf(await points(c, d1.employees[0]))).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    expect((await redeem(c, { points: 100, gift: '笔' }, d2.head)).statusCode).toBe(201);
    expect((await points(c, d2.employees[1])).json().balance).toBe(200);
  });

  it('keeps the customers it has heard of, with their referrer, from the ownership replica', async () => {
    const referrer = await h.registerCustomer();
    const referred = await h.registerCustomer(randomUUID(), referrer, { ownerId: d1.employeeIds[1], departmentId: d1.id });
    expect(await h.sql(`SELECT referrer_id FROM customers WHERE id = $1`, [referred])).toEqual([{ referrer_id: referrer }]);
    expect(await h.sql(`SELECT owner_id, department_id FROM customer_ownership WHERE customer_id = $1`, [referred])).toEqual([{ owner_id: d1.employeeIds[1], department_id: d1.id }]);
  });

  it('reads and redeems for a customer the moment customers registered them (read your writes)', async () => {
    for (let i = 0; i < 5; i++) {
      const c = randomUUID();
      // The registration is on its way, not yet handled: the requests wait for it instead of answering 404.
      const registering = h.registerCustomer(c, null, { ownerId: d1.employeeIds[0], departmentId: d1.id });
      const [read, redeemed] = await Promise.all([points(c, d1.employees[0]), redeem(c, { points: 1, gift: '笔' }, d1.head)]);
      await registering;
      expect([read.statusCode, read.json().balance]).toEqual([200, 0]);
      expect(codeOf(redeemed)).toEqual([409, 'POINTS_INSUFFICIENT']);
    }
  });
});
