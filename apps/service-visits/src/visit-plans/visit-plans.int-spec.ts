import { DAY, Department, epochs, on, VisitsHarness } from '../testing/harness';

/**
 * V-3 with the clock moved: plans by stage (NEW weekly four times, LOYAL monthly), kept current when the stage or
 * owner changes, a follow-up within a day of a complaint's resolution, done by a return visit, overdue by the
 * visit-plans sweep (once, also with two runs at once), and who sees whose due visits.
 */
describe('service-visits: return-visit plans (V-3)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let d2: Department;
  const nextEpoch = epochs();

  const plansOf = async (customerId: string): Promise<any[]> =>
    (await h.get(`/api/v1/visit-plans?customerId=${customerId}&limit=200`, h.gm)).json().items;
  const open = async (customerId: string) => (await plansOf(customerId)).filter((p) => p.status === 'DUE' || p.status === 'OVERDUE');

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('D1');
    d2 = await h.department('D2');
  });

  afterAll(() => h?.close());

  it('plans a NEW customer weekly, four times, each from the last visit, then no more', async () => {
    const t = nextEpoch();
    await h.at(t);
    const c = await h.customer(d1, t, 'NEW');
    expect(await open(c)).toEqual([expect.objectContaining({ reason: 'CADENCE', stage: 'NEW', status: 'DUE', employeeId: d1.employeeIds[0], dueAt: on(t, 7).toISOString() })]);
    for (let visit = 1; visit <= 4; visit++) {
      await h.at(on(t, visit * 7));
      const res = await h.record(c, d1.employees[0], { kind: visit % 2 ? 'HOME_VISIT' : 'PHONE_CALL' });
      expect(res.json().completedVisitPlan).toBe(true);
      const next = await open(c);
      if (visit < 4) expect(next).toEqual([expect.objectContaining({ status: 'DUE', dueAt: expect.any(String) })]);
      else expect(next).toEqual([]);
      if (visit < 4) expect(new Date(next[0].dueAt).getTime() - new Date(res.json().createdAt).getTime()).toBe(7 * DAY);
    }
    expect((await plansOf(c)).filter((p) => p.status === 'DONE')).toHaveLength(4);
  });

  it("does not count materials, or another department's visit, as the return visit", async () => {
    const t = nextEpoch();
    await h.at(t);
    const c = await h.customer(d1, t, 'LOYAL');
    await h.at(on(t, 3));
    expect((await h.record(c, d1.employees[0], { kind: 'MATERIALS', category: 'PRE_SALE' })).json().completedVisitPlan).toBe(false);
    // Another department may not record a visit for the customer at all (P-1).
    expect((await h.record(c, d2.employees[0])).json().code).toBe('CUSTOMER_NOT_IN_DEPARTMENT');
    expect(await open(c)).toEqual([expect.objectContaining({ stage: 'LOYAL', dueAt: on(t, 30).toISOString() })]);
  });

  it('replans when the stage changes, and moves open visits to a new owner', async () => {
    const t = nextEpoch();
    await h.at(t);
    const c = await h.customer(d1, t, 'NEW');
    await h.stageChanged(c, d1, 'NEW', 'LOYAL', on(t, 2));
    const plans = await plansOf(c);
    expect(plans.find((p) => p.stage === 'NEW').status).toBe('CANCELLED');
    expect(await open(c)).toEqual([expect.objectContaining({ stage: 'LOYAL', dueAt: on(t, 32).toISOString() })]);
    // An older stage event arriving late changes nothing.
    await h.stageChanged(c, d1, 'POTENTIAL', 'NEW', on(t, 1));
    expect((await open(c)).map((p) => p.stage)).toEqual(['LOYAL']);

    await h.transferred(c, d1, d2, on(t, 3));
    expect(await open(c)).toEqual([expect.objectContaining({ stage: 'LOYAL', employeeId: d2.employeeIds[0], departmentId: d2.id })]);
    // PROBLEM has no cadence: the follow-up after the resolution is its visit.
    await h.stageChanged(c, d2, 'LOYAL', 'PROBLEM', on(t, 4));
    expect(await open(c)).toEqual([]);
  });

  it('plans a follow-up within a day of a complaint resolution, for the owner', async () => {
    const t = nextEpoch();
    await h.at(t);
    const c = await h.customer(d1, t, 'PROBLEM', d1.employeeIds[1]);
    const complaintId = await h.resolved(c, d1, on(t, 1));
    expect(await open(c)).toEqual([expect.objectContaining({ reason: 'COMPLAINT_FOLLOW_UP', complaintId, employeeId: d1.employeeIds[1], dueAt: on(t, 2).toISOString(), status: 'DUE' })]);
    await h.at(on(t, 1.5));
    expect((await h.record(c, d1.employees[1], { kind: 'PHONE_CALL' })).json().completedVisitPlan).toBe(true);
    expect((await plansOf(c)).find((p) => p.complaintId === complaintId).status).toBe('DONE');
  });

  it('marks overdue plans once, also with two sweeps at once, and a late visit still makes them done', async () => {
    const t = nextEpoch();
    await h.at(t);
    const customers = await Promise.all(Array.from({ length: 12 }, () => h.customer(d2, t, 'LOYAL')));
    // An hour before they fall due, none of them is overdue.
    await h.visitPlans(on(t, 30 - 1 / 24));
    expect((await Promise.all(customers.map(open))).flat().map((p) => p.status)).toEqual(customers.map(() => 'DUE'));
    const [a, b] = await Promise.all([h.visitPlans(on(t, 30)), h.visitPlans(on(t, 30))]);
    const ours = async () => (await Promise.all(customers.map(open))).flat();
    expect((await ours()).every((p) => p.status === 'OVERDUE')).toBe(true);
    const ourIds = new Set((await ours()).map((p) => p.id));
    expect([...a.planIds, ...b.planIds].filter((id) => ourIds.has(id)).sort()).toEqual([...ourIds].sort());
    expect((await h.visitPlans(on(t, 31))).planIds.filter((id: string) => ourIds.has(id))).toEqual([]);
    await h.at(on(t, 31));
    expect((await h.sweep('visit-plans')).planIds.filter((id: string) => ourIds.has(id))).toEqual([]);
    expect((await h.record(customers[0], d2.employees[0])).json().completedVisitPlan).toBe(true);
    expect((await plansOf(customers[0])).filter((p) => p.status === 'DONE')).toHaveLength(1);
  });

  it("lists an employee's due visits: their own, a head's department's, anyone's for the general manager", async () => {
    const t = nextEpoch();
    await h.at(t);
    const mine = await h.customer(d1, t, 'LOYAL', d1.employeeIds[1]);
    const res = await h.get(`/api/v1/visit-plans?status=DUE&limit=200`, d1.employees[1]);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.every((p: { employeeId: string; status: string }) => p.employeeId === d1.employeeIds[1] && p.status === 'DUE')).toBe(true);
    expect(items.map((p: { customerId: string }) => p.customerId)).toContain(mine);
    expect((await h.get(`/api/v1/visit-plans?employeeId=${d1.employeeIds[0]}`, d1.employees[1])).statusCode).toBe(403);
    const head = (await h.get(`/api/v1/visit-plans?limit=200`, d1.head)).json().items;
    expect(new Set(head.map((p: { departmentId: string }) => p.departmentId))).toEqual(new Set([d1.id]));
    expect((await h.get(`/api/v1/visit-plans?departmentId=${d2.id}`, d1.head)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/visit-plans?status=LATE`, h.gm)).json().code).toBe('VALIDATION_FAILED');
    const gql = await h.graphql(`{ visitPlans(status: DUE, limit: 200) { items { customerId employeeId status dueAt } nextCursor } }`, {}, d1.employees[1]);
    expect(gql.json().data.visitPlans.items.map((p: { customerId: string }) => p.customerId)).toContain(mine);
  });
});
