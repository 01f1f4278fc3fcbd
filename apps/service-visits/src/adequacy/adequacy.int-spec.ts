import { randomUUID } from 'node:crypto';
import { bearer } from '@crm/testing';
import { Role } from '@crm/auth';
import { Department, epochs, on, VisitsHarness } from '../testing/harness';

/**
 * V-2 with the clock moved: day 89, 90 and 91 from joining or assignment, what resets the window (a meeting
 * attended, an owner-department home visit, a new owner) and what does not, customer.served once after
 * customer.under_served, sweeps run twice and concurrently, and the resource director's list.
 */
describe('service-visits: the 3-month rule (V-2)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let d2: Department;
  const nextEpoch = epochs();

  const flaggedIn = (r: { customerIds: string[] }, id: string) => r.customerIds.includes(id);

  beforeAll(async () => {
    // Batches of 3: every sweep loops over its batches, and concurrent runs interleave batch by batch.
    h = await VisitsHarness.start({ ADEQUACY_BATCH_SIZE: '3' });
    d1 = await h.department('D1');
    d2 = await h.department('D2');
  });

  afterAll(() => h?.close());

  it('is not under-served on day 89 after joining, is on day 90 and stays so on day 91, announced once', async () => {
    const t = nextEpoch();
    const c = await h.customer(d1, t);
    await h.at(on(t, 89));
    expect(flaggedIn(await h.sweep('service-adequacy'), c)).toBe(false);
    // The exact boundary, given to the sweep itself (the moved clock runs on).
    expect(flaggedIn(await h.adequacy(new Date(on(t, 90).getTime() - 1)), c)).toBe(false);
    expect(flaggedIn(await h.adequacy(on(t, 90)), c)).toBe(true);
    await h.at(on(t, 91));
    expect(flaggedIn(await h.sweep('service-adequacy'), c)).toBe(false);
    expect(await h.events('customer.under_served', c)).toEqual([
      { customerId: c, ownerId: d1.employeeIds[0], departmentId: d1.id, lastServedAt: null, detectedAt: on(t, 90).toISOString() },
    ]);
    const [row] = await h.sql(`SELECT under_served FROM customer_service_state WHERE id = $1`, [c]);
    expect(row.under_served).toBe(true);
  });

  it('counts 90 days from the last assignment, not from joining', async () => {
    const t = nextEpoch();
    const c = await h.customer(d1, t);
    await h.transferred(c, d1, d2, on(t, 80));
    await h.at(on(t, 91));
    expect(flaggedIn(await h.sweep('service-adequacy'), c)).toBe(false);
    await h.at(on(t, 169));
    expect(flaggedIn(await h.sweep('service-adequacy'), c)).toBe(false);
    await h.at(on(t, 170));
    expect(flaggedIn(await h.sweep('service-adequacy'), c)).toBe(true);
    expect((await h.events('customer.under_served', c)).map((e) => [e.ownerId, e.departmentId])).toEqual([[d2.employeeIds[0], d2.id]]);
  });

  it('a meeting attended resets the window; an invitation not attended never arrives and does not', async () => {
    const t = nextEpoch();
    const attended = await h.customer(d1, t);
    const invitedOnly = await h.customer(d1, t);
    await h.at(on(t, 50));
    // Attending a meeting of another department counts as well.
    await h.attended(attended, on(t, 50), d2.id);
    await h.at(on(t, 91));
    const r = await h.sweep('service-adequacy');
    expect(flaggedIn(r, attended)).toBe(false);
    expect(flaggedIn(r, invitedOnly)).toBe(true);
    expect(flaggedIn(await h.adequacy(new Date(on(t, 140).getTime() - 1)), attended)).toBe(false);
    expect(flaggedIn(await h.adequacy(on(t, 140)), attended)).toBe(true);
    expect((await h.events('customer.under_served', attended))[0].lastServedAt).toBe(on(t, 50).toISOString());
  });

  it("a home visit by the owning department resets the window; another department's, a phone call or materials do not", async () => {
    const t = nextEpoch();
    const visited = await h.customer(d1, t);
    const otherDept = await h.customer(d1, t);
    const phoned = await h.customer(d1, t);
    await h.at(on(t, 60));
    // The head of the owning department visits (P-1: the owner and the owning head record services).
    const res = await h.record(visited, d1.head);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'HOME_VISIT', countedAsHomeVisit: true });
    // Another department may not record a visit for the customer at all (P-1), so it cannot count either.
    expect((await h.record(otherDept, d2.employees[0])).json()).toMatchObject({ code: 'CUSTOMER_NOT_IN_DEPARTMENT' });
    expect((await h.record(phoned, d1.employees[0], { kind: 'PHONE_CALL' })).json()).toMatchObject({ countedAsHomeVisit: false });
    expect((await h.record(phoned, d1.employees[0], { kind: 'MATERIALS', category: 'PRE_SALE' })).json()).toMatchObject({ countedAsHomeVisit: false });
    await h.at(on(t, 90));
    const r = await h.sweep('service-adequacy');
    expect([flaggedIn(r, visited), flaggedIn(r, otherDept), flaggedIn(r, phoned)]).toEqual([false, true, true]);
    // The visit was recorded a moment after the clock was moved to day 60: 90 days after it is day 150 and a moment.
    await h.at(on(t, 149));
    expect(flaggedIn(await h.sweep('service-adequacy'), visited)).toBe(false);
    expect(flaggedIn(await h.adequacy(on(t, 151)), visited)).toBe(true);
  });

  it('an under-served customer served again is announced customer.served once, and not flagged again at once', async () => {
    const t = nextEpoch();
    const byMeeting = await h.customer(d1, t);
    const byVisit = await h.customer(d1, t);
    const byTransfer = await h.customer(d1, t);
    await h.at(on(t, 90));
    const flagged = await h.sweep('service-adequacy');
    expect([byMeeting, byVisit, byTransfer].every((c) => flaggedIn(flagged, c))).toBe(true);

    await h.at(on(t, 95));
    await h.attended(byMeeting, on(t, 95));
    await h.attended(byMeeting, on(t, 95.5));
    expect((await h.record(byVisit, d1.employees[0])).statusCode).toBe(201);
    await h.transferred(byTransfer, d1, d2, on(t, 95));

    expect((await h.events('customer.served', byMeeting)).map((e) => e.servedAt)).toEqual([on(t, 95).toISOString()]);
    expect(await h.events('customer.served', byVisit)).toHaveLength(1);
    expect(await h.events('customer.served', byTransfer)).toEqual([{ customerId: byTransfer, ownerId: d2.employeeIds[0], departmentId: d2.id, servedAt: on(t, 95).toISOString() }]);
    const again = await h.sweep('service-adequacy');
    expect([byMeeting, byVisit, byTransfer].some((c) => flaggedIn(again, c))).toBe(false);
    for (const c of [byMeeting, byVisit, byTransfer]) expect(await h.events('customer.served', c)).toHaveLength(1);
    const rows = await h.sql(`SELECT bool_or(under_served) AS any FROM customer_service_state WHERE id = ANY($1)`, [[byMeeting, byVisit, byTransfer]]);
    expect(rows[0].any).toBe(false);
  });

  it('announces an attendance that reaches it after the flag as served no earlier than the flag (campaigns keeps the newer verdict)', async () => {
    const t = nextEpoch();
    const c = await h.customer(d1, t);
    await h.at(on(t, 91));
    await h.sweep('service-adequacy');
    const [flag] = await h.events('customer.under_served', c);
    // Attended on day 90.5, delivered on day 91 after the sweep flagged the customer.
    await h.attended(c, on(t, 90.5));
    const [served] = await h.events('customer.served', c);
    expect(new Date(served.servedAt).getTime()).toBeGreaterThanOrEqual(new Date(flag.detectedAt).getTime());
  });

  it('the sweep announces customer.served for a flagged customer whose window moved without an event clearing it', async () => {
    const t = nextEpoch();
    const c = await h.customer(d1, t);
    await h.adequacy(on(t, 90));
    // An attendance recorded directly (as a replayed backlog would): the sweep's catch-up clears it once.
    await h.sql(`UPDATE customer_service_state SET last_served_at = $2, window_start = $2 WHERE id = $1`, [c, on(t, 92)]);
    expect((await h.adequacy(on(t, 93))).served).toBeGreaterThanOrEqual(1);
    expect((await h.adequacy(on(t, 93))).served).toBe(0);
    expect(await h.events('customer.served', c)).toHaveLength(1);
  });

  it('keeps an attendance that overtakes the registration without making the customer due, and counts the window from it once owned', async () => {
    const t = nextEpoch();
    const c = randomUUID();
    await h.attended(c, on(t, 10));
    expect(flaggedIn(await h.adequacy(on(t, 200)), c)).toBe(false);
    const [unowned] = await h.sql(`SELECT last_served_at, window_start FROM customer_service_state WHERE id = $1`, [c]);
    expect([unowned.last_served_at, unowned.window_start]).toEqual([on(t, 10), null]);
    // Registered on day 0, delivered after the attendance: the window starts at the later of the two, day 10.
    await h.customer(d1, t, 'POTENTIAL', d1.employeeIds[0], c);
    expect(flaggedIn(await h.adequacy(new Date(on(t, 100).getTime() - 1)), c)).toBe(false);
    expect(flaggedIn(await h.adequacy(on(t, 100)), c)).toBe(true);
    expect(await h.events('customer.under_served', c)).toEqual([
      { customerId: c, ownerId: d1.employeeIds[0], departmentId: d1.id, lastServedAt: on(t, 10).toISOString(), detectedAt: on(t, 100).toISOString() },
    ]);
  });

  it('is idempotent and safe with two sweeps at once: each customer flagged and announced exactly once', async () => {
    const t = nextEpoch();
    const ids = await Promise.all(Array.from({ length: 40 }, () => h.customer(d2, t)));
    const [a, b] = await Promise.all([h.adequacy(on(t, 90)), h.adequacy(on(t, 90))]);
    expect(a.flagged + b.flagged).toBeGreaterThanOrEqual(40);
    const events = (await h.events('customer.under_served')).filter((e) => ids.includes(e.customerId));
    expect(events).toHaveLength(40);
    expect(new Set(events.map((e) => e.customerId)).size).toBe(40);
    const [again1, again2] = await Promise.all([h.adequacy(on(t, 91)), h.adequacy(on(t, 91))]);
    expect(again1.customerIds.concat(again2.customerIds).filter((id) => ids.includes(id))).toEqual([]);
  });

  it("lists under-served customers for the resource director, each linking to customers' transfer; heads see their own department, employees nothing", async () => {
    const t = nextEpoch();
    const c1 = await h.customer(d1, t);
    const c2 = await h.customer(d2, t);
    await h.adequacy(on(t, 90));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.get(`/api/v1/under-served?limit=200${cursor ? `&cursor=${cursor}` : ''}`, h.director);
      expect(res.statusCode).toBe(200);
      all.push(...res.json().items.map((i: { customerId: string }) => i.customerId));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(all).toEqual(expect.arrayContaining([c1, c2]));
    const one = (await h.get(`/api/v1/under-served?departmentId=${d1.id}&limit=200`, h.director)).json().items.find((i: { customerId: string }) => i.customerId === c1);
    expect(one).toMatchObject({ customerId: c1, ownerId: d1.employeeIds[0], departmentId: d1.id, transfer: { method: 'POST', href: `/api/v1/customers/${c1}/transfer` } });
    const head = (await h.get('/api/v1/under-served?limit=200', d1.head)).json().items.map((i: { departmentId: string }) => i.departmentId);
    expect(new Set(head)).toEqual(new Set([d1.id]));
    expect((await h.get(`/api/v1/under-served?departmentId=${d2.id}`, d1.head)).statusCode).toBe(403);
    expect((await h.get('/api/v1/under-served', d1.employees[0])).statusCode).toBe(403);
    expect((await h.get('/api/v1/under-served?departmentId=nope', h.director)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const gql = await h.graphql(`{ underServedCustomers(departmentId: "${d2.id}", limit: 200) { items { customerId ownerId } } }`, {}, h.director);
    expect(gql.json().data.underServedCustomers.items.map((i: { customerId: string }) => i.customerId)).toContain(c2);
    expect((await h.graphql('{ underServedCustomers { items { customerId } } }', {}, bearer(Role.EMPLOYEE, randomUUID(), d1.id))).json().errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
