import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { RewardsHarness } from '../testing/harness';

/** fines booked once from fine.imposed, shown to whom may see them, totalled per month in BUSINESS_TZ. */
describe('rewards: staff fines', () => {
  let h: RewardsHarness;
  const d1 = randomUUID();
  const d2 = randomUUID();
  const e1 = randomUUID(); // in d1
  const e2 = randomUUID(); // in d1
  const e3 = randomUUID(); // in d2
  const head1 = bearer(Role.DEPARTMENT_HEAD, randomUUID(), d1);
  const fineOf = (employeeId: string, departmentId: string, amountFen: number, rule: 'J-7' | 'J-11' | 'C-2' | 'C-3' | 'C-4', imposedAt: string, fineId = randomUUID()) =>
    h.feed.publish('fine.imposed', { fineId, employeeId, departmentId, amountFen, rule, sourceId: randomUUID(), imposedAt });

  beforeAll(async () => {
    h = await RewardsHarness.start();
    // Around the turn of January in Shanghai (UTC+8): 15:59Z is 23:59 on the 31st, 16:30Z is 00:30 on February 1st.
    await fineOf(e1, d1, 1000, 'J-7', '2026-01-31T15:59:00Z');
    await fineOf(e1, d1, 10000, 'C-2', '2026-01-31T16:30:00Z');
    await fineOf(e2, d1, 50000, 'C-4', '2026-03-10T02:00:00Z');
    await fineOf(e3, d2, 10000, 'J-11', '2026-02-15T02:00:00Z');
  });

  afterAll(() => h?.close());

  it('books a fine once, whatever redelivers it', async () => {
    const fineId = randomUUID();
    await fineOf(e3, d2, 1000, 'J-7', '2026-02-16T02:00:00Z', fineId);
    await fineOf(e3, d2, 1000, 'J-7', '2026-02-16T02:00:00Z', fineId);
    expect(await h.sql(`SELECT count(*)::int AS n FROM fine_entries WHERE fine_id = $1`, [fineId])).toEqual([{ n: 1 }]);
  });

  it('lists an employee\'s fines newest first with the contract\'s fields, a page at a time', async () => {
    const res = await h.get(`/api/v1/fines?employeeId=${e1}&limit=1`, bearer(Role.EMPLOYEE, e1, d1));
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toEqual([
      expect.objectContaining({ id: expect.any(String), employeeId: e1, departmentId: d1, amountFen: 10000, rule: 'C-2', sourceEventId: expect.any(String), createdAt: expect.any(String), imposedAt: '2026-01-31T16:30:00.000Z' }),
    ]);
    const next = (await h.get(`/api/v1/fines?employeeId=${e1}&cursor=${page.nextCursor}`, bearer(Role.EMPLOYEE, e1, d1))).json();
    expect([next.items.map((f: { rule: string }) => f.rule), next.nextCursor]).toEqual([['J-7'], null]);
  });

  it('shows fines to the employee, their head, the general manager and admins only', async () => {
    const rulesOf = async (url: string, headers: Record<string, string>) => (await h.get(url, headers)).json().items.map((f: { rule: string }) => f.rule).sort();
    expect(await rulesOf(`/api/v1/fines?departmentId=${d1}`, head1)).toEqual(['C-2', 'C-4', 'J-7']);
    expect(await rulesOf(`/api/v1/fines?employeeId=${e2}`, head1)).toEqual(['C-4']);
    expect(await rulesOf(`/api/v1/fines?employeeId=${e3}`, head1)).toEqual([]); // narrowed to the head's department
    expect(await rulesOf(`/api/v1/fines?departmentId=${d2}`, bearer(Role.GENERAL_MANAGER))).toEqual(['J-11', 'J-7']);
    expect(await rulesOf('/api/v1/fines', bearer(Role.EMPLOYEE, e2, d1))).toEqual(['C-4']);
    for (const [url, headers, status] of [
      [`/api/v1/fines?employeeId=${e1}`, bearer(Role.EMPLOYEE, e2, d1), 403],
      [`/api/v1/fines?departmentId=${d2}`, head1, 403],
      [`/api/v1/fines?departmentId=${d1}`, bearer(Role.COORDINATOR), 403],
      [`/api/v1/fines/totals?employeeId=${e1}`, bearer(Role.EMPLOYEE, e2, d1), 403],
      ['/api/v1/fines', {}, 401],
      [`/api/v1/fines?employeeId=nope`, h.admin, 400],
    ] as const) {
      const res = await h.get(url, headers);
      expect([url, res.statusCode]).toEqual([url, status]);
    }
    const partner = await h.get(`/api/v1/fines?employeeId=${e1}`, await h.partner(['points:read']));
    expect(partner.statusCode).toBe(403);
  });

  it('totals per month in the business time zone, every month of the period listed', async () => {
    const res = await h.get(`/api/v1/fines/totals?departmentId=${d1}&from=2026-01-01&to=2026-03-31`, head1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      departmentId: d1,
      from: '2026-01-01',
      to: '2026-03-31',
      timeZone: 'Asia/Shanghai',
      months: [
        { month: '2026-01', count: 1, totalFen: 1000 },
        { month: '2026-02', count: 1, totalFen: 10000 },
        { month: '2026-03', count: 1, totalFen: 50000 },
      ],
      count: 3,
      totalFen: 61000,
    });
    const own = (await h.get(`/api/v1/fines/totals?employeeId=${e1}&from=2026-02-01&to=2026-02-28`, bearer(Role.EMPLOYEE, e1, d1))).json();
    expect(own).toMatchObject({ employeeId: e1, months: [{ month: '2026-02', count: 1, totalFen: 10000 }], totalFen: 10000 });
    const bad = await h.get(`/api/v1/fines/totals?departmentId=${d1}&from=2026-03-01&to=2026-01-01`, head1);
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'FINE_PERIOD_INVALID']);
  });

  it('defaults the period to a year of months ending today by the suite\'s clock', async () => {
    await h.svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now: '2026-03-20T10:00:00+08:00' }, headers: h.admin });
    try {
      const totals = (await h.get(`/api/v1/fines/totals?departmentId=${d1}`, head1)).json();
      expect([totals.from, totals.to, totals.months.length, totals.totalFen]).toEqual(['2025-04-01', '2026-03-20', 12, 61000]);
    } finally {
      await h.svc.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: h.admin });
    }
  });
});
