import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/**
 * J-11, a ruling takes effect, against real parts: a RULED award moves the disputed customer's lock for the meeting
 * and the credit of the customer's sales there to the awarded department and employee (announced as
 * `sale.credit_moved`); a ruling that cannot take effect is refused and changes nothing.
 */
describe('campaigns: a ruling takes effect (J-11)', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const [d1, d2, d3, d4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [head1, head2, a, b, b2, x] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c, c2] = [randomUUID(), randomUUID()];
  const as = {
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    a: bearer(Role.EMPLOYEE, a, d1),
    b: bearer(Role.EMPLOYEE, b, d2),
  };
  let meeting: string;
  const invitationOf: Record<string, string> = {};
  const sales: Record<string, string> = {};

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const codeOf = (res: { statusCode: number; json: () => { code?: string } }) => [res.statusCode, res.json().code];
  const rule = (id: string, body: object) => post(`/api/v1/disputes/${id}/ruling`, { outcome: 'RULED', ruling: '判二部', ...body }, coordinator);
  const lockOf = (customerId: string) => sql('SELECT department_id, sheet_id FROM meeting_locks WHERE meeting_id = $1 AND customer_id = $2', [meeting, customerId]);
  const creditOf = (customerId: string) =>
    sql('SELECT credited_employee_id AS employee, credited_department_id AS department, invitation_id AS invitation FROM sales WHERE customer_id = $1 ORDER BY sold_at', [customerId]);
  const moved = () => sql(`SELECT payload FROM outbox WHERE name = 'sale.credit_moved' ORDER BY sequence`);
  async function inviteAndConfirm(customerId: string, headers: Record<string, string>, key: string): Promise<void> {
    const invited = await post(`/api/v1/meetings/${meeting}/invitations`, { customerId }, headers);
    expect(invited.statusCode).toBe(201);
    invitationOf[key] = invited.json().id;
    expect((await post(`/api/v1/invitations/${invited.json().id}/confirm`, {}, headers)).statusCode).toBe(200);
  }
  const dispute = async (customerId: string) =>
    (await post(`/api/v1/meetings/${meeting}/disputes`, { partyEmployeeIds: [a, b], customerId, description: '两部员工对顾客归属有争议', arguedInFrontOfCustomers: false }, coordinator)).json().id as string;

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code, headId] of [[d1, 'D1', head1], [d2, 'D2', head2], [d3, 'D3', null], [d4, 'D4', null]] as const) {
      await feed.publish('department.saved', { departmentId: id, name: code, code, headId, savedAt: now });
    }
    for (const [id, dept, role] of [[head1, d1, 'DEPARTMENT_HEAD'], [head2, d2, 'DEPARTMENT_HEAD'], [a, d1, 'EMPLOYEE'], [b, d2, 'EMPLOYEE'], [b2, d2, 'EMPLOYEE'], [x, d3, 'EMPLOYEE']]) {
      await feed.publish('employee.saved', { employeeId: id, name: 'x', role, departmentId: dept, savedAt: now });
    }
    for (const customerId of [c, c2]) {
      await feed.publish('customer.registered', { customerId, ownerId: a, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
    await at('2030-11-01T09:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2030-11-03', slot: 'EVENING', venue: '大厅', departmentIds: [d1, d2, d3] })).json().id;
    await inviteAndConfirm(c, as.a, 'cByA');
    await inviteAndConfirm(c, as.b, 'cByB');
    await inviteAndConfirm(c2, as.a, 'c2ByA');
    await at('2030-11-02T17:00:00+08:00');
    expect((await post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: d1, customerIds: [c, c2] }, as.head1)).json().locked).toEqual([c, c2]);
    await at('2030-11-03T18:00:00+08:00');
    for (const customerId of [c, c2]) expect((await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId }, coordinator)).statusCode).toBe(201);
    for (const [key, customerId, amountFen] of [['first', c, 300_000], ['second', c, 100_000], ['ofC2', c2, 50_000]] as const) {
      const sale = await post(`/api/v1/meetings/${meeting}/sales`, { customerId, amountFen }, coordinator);
      expect(sale.json()).toMatchObject({ creditedEmployeeId: a, creditedDepartmentId: d1 });
      sales[key] = sale.json().id;
    }
    expect((await post(`/api/v1/sales/${sales.second}/refunds`, { amountFen: 20_000 }, coordinator)).statusCode).toBe(201);
    await at('2030-11-03T21:30:00+08:00');
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it.each([
    ['an employee without a department', () => ({ awardedEmployeeId: b }), 422, 'AWARD_NEEDS_DEPARTMENT'],
    ['a department outside the meeting', () => ({ awardedDepartmentId: d4 }), 422, 'AWARD_OUTSIDE_MEETING'],
    ['an unknown department', () => ({ awardedDepartmentId: randomUUID() }), 422, 'DEPARTMENT_NOT_FOUND'],
    ['an employee of another department', () => ({ awardedDepartmentId: d2, awardedEmployeeId: a }), 422, 'AWARDED_EMPLOYEE_NOT_IN_DEPARTMENT'],
    ['a department with nobody to credit (no invitation, no head)', () => ({ awardedDepartmentId: d3 }), 422, 'NO_EMPLOYEE_TO_AWARD'],
  ])('refuses an award to %s, and nothing moves', async (_what, body, status, code) => {
    const id = await dispute(c);
    const res = await rule(id, body());
    expect(codeOf(res)).toEqual([status, code]);
    expect((await get(`/api/v1/disputes/${id}`, coordinator)).json()).toMatchObject({ status: 'OPEN', awardedDepartmentId: null, awardedEmployeeId: null });
    expect(await lockOf(c)).toEqual([{ department_id: d1, sheet_id: expect.any(String) }]);
    expect((await creditOf(c)).map((s: { employee: string }) => s.employee)).toEqual([a, a]);
    expect(await moved()).toEqual([]);
  });

  it("moves the customer's lock and the credit of every sale of theirs at the meeting to the award, by default to the department's inviting employee", async () => {
    const id = await dispute(c);
    const ruled = await rule(id, { awardedDepartmentId: d2 });
    expect(ruled.statusCode).toBe(200);
    expect(ruled.json()).toMatchObject({ status: 'RULED', awardedDepartmentId: d2, awardedEmployeeId: b });
    expect(await lockOf(c)).toEqual([{ department_id: d2, sheet_id: null }]);
    expect(await creditOf(c)).toEqual([
      { employee: b, department: d2, invitation: invitationOf.cByB },
      { employee: b, department: d2, invitation: invitationOf.cByB },
    ]);
    // Another customer's sale at the meeting stays where it was.
    expect(await creditOf(c2)).toEqual([{ employee: a, department: d1, invitation: invitationOf.c2ByA }]);
    expect((await moved()).map((e: { payload: object }) => e.payload)).toEqual([
      expect.objectContaining({ saleId: sales.first, amountFen: 300_000, refundedFen: 0, fromEmployeeId: a, fromDepartmentId: d1, toEmployeeId: b, toDepartmentId: d2, disputeId: id }),
      expect.objectContaining({ saleId: sales.second, amountFen: 100_000, refundedFen: 20_000, fromEmployeeId: a, toEmployeeId: b, disputeId: id }),
    ]);
    // The sale is the awarded department's now: its staff see it, the losing department's do not.
    expect((await get(`/api/v1/sales/${sales.first}`, as.b)).json()).toMatchObject({ creditedEmployeeId: b, creditedDepartmentId: d2 });
    expect(codeOf(await get(`/api/v1/sales/${sales.first}`, as.a))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
  });

  it('credits the employee the ruling names, and moves nothing for an escalation or a ruling without an award', async () => {
    const escalated = await dispute(c2);
    expect((await rule(escalated, { outcome: 'ESCALATED', ruling: '协调助理无法判定', awardedDepartmentId: d2 })).json().status).toBe('ESCALATED');
    const plain = await dispute(c2);
    expect((await rule(plain, {})).json()).toMatchObject({ status: 'RULED', awardedDepartmentId: null });
    expect(await lockOf(c2)).toEqual([{ department_id: d1, sheet_id: expect.any(String) }]);
    const before = (await moved()).length;

    const gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
    const final = await post(`/api/v1/disputes/${escalated}/ruling`, { outcome: 'RULED', ruling: '总经理裁决: 判二部', awardedDepartmentId: d2, awardedEmployeeId: b2 }, gm);
    expect(final.json()).toMatchObject({ status: 'RULED', awardedDepartmentId: d2, awardedEmployeeId: b2 });
    expect(await lockOf(c2)).toEqual([{ department_id: d2, sheet_id: null }]);
    // 二部 never invited c2: the sale keeps no invitation.
    expect(await creditOf(c2)).toEqual([{ employee: b2, department: d2, invitation: null }]);
    expect((await moved()).slice(before).map((e: { payload: { saleId: string; toEmployeeId: string } }) => [e.payload.saleId, e.payload.toEmployeeId])).toEqual([[sales.ofC2, b2]]);
  });
});
