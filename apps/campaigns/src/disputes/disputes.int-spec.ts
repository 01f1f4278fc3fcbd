import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** J-11 against real parts: recorded, fined once per party, ruled after the meeting, escalated to the GM. */
describe('campaigns: disputes', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [a, b, a2] = [randomUUID(), randomUUID(), randomUUID()];
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  let meeting: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const dispute = (body: object) => post(`/api/v1/meetings/${meeting}/disputes`, { description: '争议', arguedInFrontOfCustomers: false, ...body }, coordinator);
  const rule = (id: string, body: object, headers = coordinator) => post(`/api/v1/disputes/${id}/ruling`, body, headers);
  const fines = () => sql(`SELECT payload FROM outbox WHERE name = 'fine.imposed' ORDER BY sequence`);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    for (const [id, dept] of [[a, d1], [b, d2], [a2, d1]]) await feed.publish('employee.saved', { employeeId: id, name: 'x', role: 'EMPLOYEE', departmentId: dept, savedAt: now });
    await at('2030-11-01T09:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2030-11-03', slot: 'EVENING', venue: '大厅', departmentIds: [d1, d2] })).json().id;
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('fines each party 100 yuan, once, for arguing in front of customers', async () => {
    const res = await dispute({ partyEmployeeIds: [a, b], arguedInFrontOfCustomers: true });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'OPEN', arguedInFrontOfCustomers: true });
    const imposed = (await fines()).map((f: { payload: { employeeId: string; amountFen: number; rule: string; sourceId: string } }) => f.payload);
    expect(imposed).toHaveLength(2);
    expect(imposed.map((f: { employeeId: string }) => f.employeeId).sort()).toEqual([a, b].sort());
    expect(imposed.every((f: { amountFen: number; rule: string; sourceId: string }) => f.amountFen === 10_000 && f.rule === 'J-11' && f.sourceId === res.json().id)).toBe(true);
    expect((await dispute({ partyEmployeeIds: [a, b] })).statusCode).toBe(201);
    expect(await fines()).toHaveLength(2);
  });

  it.each([
    ['parties of one department', { partyEmployeeIds: [a, a2] }, 422, 'DISPUTE_NEEDS_TWO_DEPARTMENTS'],
    ['an unknown party', { partyEmployeeIds: [a, randomUUID()] }, 422, 'EMPLOYEE_NOT_FOUND'],
    ['a single party', { partyEmployeeIds: [a] }, 400, 'VALIDATION_FAILED'],
    ['no flag', { partyEmployeeIds: [a, b], arguedInFrontOfCustomers: 'yes' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and records nothing', async (_what, body, status, code) => {
    const before = await sql('SELECT count(*)::int AS n FROM disputes');
    const res = await dispute(body);
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await sql('SELECT count(*)::int AS n FROM disputes')).toEqual(before);
  });

  it('is ruled after the meeting, by the coordinator, or by the general manager once escalated', async () => {
    const settled = (await dispute({ partyEmployeeIds: [a, b] })).json().id;
    const early = await rule(settled, { outcome: 'RULED', ruling: '判二部' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'RULING_BEFORE_MEETING']);
    await at('2030-11-03T21:30:00+08:00');
    const ruled = await rule(settled, { outcome: 'RULED', ruling: '判二部', awardedDepartmentId: d2 });
    expect(ruled.json()).toMatchObject({ status: 'RULED', awardedDepartmentId: d2, ruling: '判二部' });
    expect((await rule(settled, { outcome: 'RULED', ruling: 'again' })).json().code).toBe('DISPUTE_ALREADY_RULED');

    const hard = (await dispute({ partyEmployeeIds: [a, b] })).json().id;
    expect((await rule(hard, { outcome: 'RULED', ruling: 'x' }, gm)).json().code).toBe('DISPUTE_NOT_ESCALATED');
    expect((await rule(hard, { outcome: 'ESCALATED', ruling: '协调助理无法判定' })).json().status).toBe('ESCALATED');
    expect((await rule(hard, { outcome: 'RULED', ruling: 'x' })).json().code).toBe('DISPUTE_ESCALATED');
    const final = await rule(hard, { outcome: 'RULED', ruling: '总经理裁决: 判一部', awardedDepartmentId: d1 }, gm);
    expect(final.json()).toMatchObject({ status: 'RULED', awardedDepartmentId: d1 });
    const employee = await rule(hard, { outcome: 'RULED', ruling: 'x' }, bearer(Role.EMPLOYEE, a, d1));
    expect(employee.statusCode).toBe(403);
  });
});
