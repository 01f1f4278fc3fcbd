import { randomUUID } from 'node:crypto';
import { issueApiKey, Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { Department, ComplaintsHarness } from '../testing/harness';

/** C-1..C-3 against real parts: filing, fines by channel once, who files and sees, and refusals that change nothing. */
describe('complaints: filing (C-1..C-3)', () => {
  let h: ComplaintsHarness;
  let d1: Department;
  let d2: Department;
  let noHead: Department;
  let customer: string;

  const counts = async () => (await h.sql(`SELECT (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM outbox)::int AS events, (SELECT count(*) FROM complaint_fines)::int AS fines`))[0];

  beforeAll(async () => {
    h = await ComplaintsHarness.start();
    d1 = await h.department('D1');
    d2 = await h.department('D2');
    noHead = await h.department('D3', false);
    customer = await h.customer(d1.employeeIds[0], d1.id);
  });

  afterAll(() => h?.close());

  it('files a complaint due 72 hours later and announces it', async () => {
    const res = await h.file({ customerId: customer, employeeId: d1.employeeIds[0], cause: 'WORK_ATTITUDE', channel: 'HOTLINE', description: '态度差' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, customerDepartmentId: d1.id, status: 'OPEN', sla: 'PENDING', cause: 'WORK_ATTITUDE', channel: 'HOTLINE' });
    expect(new Date(c.dueAt).getTime() - new Date(c.filedAt).getTime()).toBe(72 * 3_600_000);
    expect(await h.events('complaint.filed', c.id)).toEqual([
      { complaintId: c.id, customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, cause: 'WORK_ATTITUDE', channel: 'HOTLINE', filedAt: c.filedAt, dueAt: c.dueAt },
    ]);
    // A hotline complaint fines nobody when filed.
    expect(await h.events('fine.imposed', c.id)).toEqual([]);
    expect((await h.get(`/api/v1/complaints/${c.id}`)).json()).toMatchObject({ id: c.id, fines: [] });
  });

  it("names the customer's owner when no employee is given", async () => {
    const res = await h.file({ customerId: customer });
    expect(res.json()).toMatchObject({ employeeId: d1.employeeIds[0], departmentId: d1.id });
  });

  it('fines the employee 100 yuan for a DISCOVERED complaint (C-2), once', async () => {
    const c = (await h.file({ customerId: customer, employeeId: d1.employeeIds[1], channel: 'DISCOVERED' }, d1.head)).json();
    const fines = await h.events('fine.imposed', c.id);
    expect(fines).toEqual([
      { fineId: expect.any(String), employeeId: d1.employeeIds[1], departmentId: d1.id, amountFen: 10_000, rule: 'C-2', sourceId: c.id, imposedAt: c.filedAt },
    ]);
    expect((await h.get(`/api/v1/complaints/${c.id}`)).json().fines).toEqual([{ employeeId: d1.employeeIds[1], rule: 'C-2', amountFen: 10_000, imposedAt: c.filedAt }]);
  });

  it('fines the employee and the head 100 yuan each for a complaint to the general manager (C-3)', async () => {
    const c = (await h.file({ customerId: customer, employeeId: d1.employeeIds[0], channel: 'TO_GENERAL_MANAGER' })).json();
    const fines = await h.events('fine.imposed', c.id);
    expect(fines.map((f) => [f.employeeId, f.rule, f.amountFen]).sort()).toEqual([[d1.employeeIds[0], 'C-3', 10_000], [d1.headId, 'C-3', 10_000]].sort());
    expect(new Set(fines.map((f) => f.fineId)).size).toBe(2);
  });

  it("fines only the employee when the customer's department has no head", async () => {
    // C-3 names the customer's department: here the customer is one the headless department owns.
    const noHeadCustomer = await h.customer(noHead.employeeIds[1], noHead.id);
    const c = (await h.file({ customerId: noHeadCustomer, employeeId: noHead.employeeIds[0], channel: 'TO_GENERAL_MANAGER' })).json();
    expect((await h.events('fine.imposed', c.id)).map((f) => f.employeeId)).toEqual([noHead.employeeIds[0]]);
  });

  describe("the customer's department, not the employee's (C-3)", () => {
    /** Another customer of D1, so these complaints stay out of the lists the tests above and below look at. */
    let ofD1: string;

    beforeAll(async () => {
      ofD1 = await h.customer(d1.employeeIds[1], d1.id);
    });

    it("keeps the department that owned the customer at filing, and fines its head and the employee 100 yuan each, the employee's own head nothing", async () => {
      const res = await h.file({ customerId: ofD1, employeeId: d2.employeeIds[0], channel: 'TO_GENERAL_MANAGER' });
      expect(res.statusCode).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ employeeId: d2.employeeIds[0], departmentId: d2.id, customerDepartmentId: d1.id });
      const fines = await h.events('fine.imposed', c.id);
      expect(fines.map((f) => [f.employeeId, f.departmentId, f.rule, f.amountFen]).sort()).toEqual(
        [
          [d2.employeeIds[0], d2.id, 'C-3', 10_000],
          [d1.headId, d1.id, 'C-3', 10_000],
        ].sort(),
      );
      expect(fines.map((f) => f.employeeId)).not.toContain(d2.headId);
      const detail = (await h.get(`/api/v1/complaints/${c.id}`)).json();
      expect(detail).toMatchObject({ customerDepartmentId: d1.id, departmentId: d2.id });
      expect(detail.fines.map((f: { employeeId: string }) => f.employeeId).sort()).toEqual([d2.employeeIds[0], d1.headId].sort());
    });

    it("fines once an employee who is the customer's department's head", async () => {
      const c = (await h.file({ customerId: ofD1, employeeId: d1.headId, channel: 'TO_GENERAL_MANAGER' })).json();
      expect((await h.events('fine.imposed', c.id)).map((f) => [f.employeeId, f.rule])).toEqual([[d1.headId, 'C-3']]);
    });

    it("fines the employee's department's head only when that department owns the customer", async () => {
      const ofD2 = await h.customer(d2.employeeIds[1], d2.id);
      const c = (await h.file({ customerId: ofD2, employeeId: d2.employeeIds[0], channel: 'TO_GENERAL_MANAGER' })).json();
      expect(c.customerDepartmentId).toBe(d2.id);
      expect((await h.events('fine.imposed', c.id)).map((f) => f.employeeId).sort()).toEqual([d2.employeeIds[0], d2.headId].sort());
    });
  });

  it('waits for a customer registered a moment ago rather than refusing it (read your writes)', async () => {
    const late = randomUUID();
    const filing = h.file({ customerId: late, employeeId: d1.employeeIds[0] });
    await new Promise((r) => setTimeout(r, 300));
    await h.feed.publish('customer.registered', {
      customerId: late,
      ownerId: d1.employeeIds[0],
      departmentId: d1.id,
      referrerId: null,
      source: 'WALK_IN',
      outreachEventId: null,
      stage: 'POTENTIAL',
      registeredAt: h.nowIso(),
    });
    const res = await filing;
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId: late, customerDepartmentId: d1.id });
  });

  it('shows a complaint to the employee concerned, their head, the general manager and the coordinator only', async () => {
    const c = (await h.file({ customerId: customer, employeeId: d1.employeeIds[0] })).json();
    for (const who of [d1.employees[0], d1.head, h.gm, h.coordinator, h.admin]) expect((await h.get(`/api/v1/complaints/${c.id}`, who)).statusCode).toBe(200);
    for (const who of [d1.employees[1], d2.head, d2.employees[0], bearer(Role.CRM_CLERK, randomUUID(), d1.id)]) {
      const res = await h.get(`/api/v1/complaints/${c.id}`, who);
      expect([res.statusCode, res.json().code]).toEqual([403, 'COMPLAINT_NOT_VISIBLE']);
    }
    const mine = (await h.get(`/api/v1/complaints?customerId=${customer}`, d1.employees[1])).json().items;
    expect(mine.every((k: { employeeId: string }) => k.employeeId === d1.employeeIds[1])).toBe(true);
    const headSees = (await h.get(`/api/v1/complaints?customerId=${customer}&status=OPEN`, d1.head)).json().items;
    expect(headSees.every((k: { departmentId: string }) => k.departmentId === d1.id)).toBe(true);
    expect(headSees.map((k: { id: string }) => k.id)).toContain(c.id);
    expect((await h.get(`/api/v1/complaints?customerId=${customer}`, d2.head)).json().items).toEqual([]);
  });

  it('pages lists with limit and cursor', async () => {
    const first = (await h.get(`/api/v1/complaints?customerId=${customer}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (await h.get(`/api/v1/complaints?customerId=${customer}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((k: { id: string }) => k.id)).not.toContain(first.items[0].id);
    expect((await h.get('/api/v1/complaints?cursor=nonsense')).json().code).toBe('INVALID_CURSOR');
  });

  it('lets a partner with complaints:write file through the PARTNER channel only', async () => {
    const key = issueApiKey();
    await h.feed.publish('api_key.issued', { keyId: key.id, name: 'hotline', scopes: ['complaints:write'], hash: key.hash, issuedAt: h.nowIso() });
    const partner = { 'x-api-key': key.key };
    expect((await h.file({ customerId: customer, channel: 'PARTNER' }, partner)).json()).toMatchObject({ channel: 'PARTNER', employeeId: d1.employeeIds[0] });
    const other = await h.file({ customerId: customer, channel: 'HOTLINE' }, partner);
    expect([other.statusCode, other.json().code]).toEqual([403, 'COMPLAINT_FILING_NOT_ALLOWED']);
    expect((await h.get(`/api/v1/complaints`, partner)).statusCode).toBe(403);
  });

  it.each([
    ['an unknown customer', () => ({ customerId: randomUUID() }), undefined, 422, 'CUSTOMER_NOT_FOUND'],
    ['an unknown employee', () => ({ customerId: customer, employeeId: randomUUID() }), undefined, 422, 'EMPLOYEE_NOT_FOUND'],
    ['a cause not in C-1', () => ({ customerId: customer, cause: 'RUDE' }), undefined, 400, 'VALIDATION_FAILED'],
    ['a channel not in C-1', () => ({ customerId: customer, channel: 'EMAIL' }), undefined, 400, 'VALIDATION_FAILED'],
    ['an empty description', () => ({ customerId: customer, description: '' }), undefined, 400, 'VALIDATION_FAILED'],
    ['a customer id that is no UUID', () => ({ customerId: 'abc' }), undefined, 400, 'VALIDATION_FAILED'],
    ['an unknown field', () => ({ customerId: customer, dueAt: '2030-01-01T00:00:00Z' }), undefined, 400, 'VALIDATION_FAILED'],
    ['a head filing to the general manager', () => ({ customerId: customer, employeeId: d1.employeeIds[0], channel: 'TO_GENERAL_MANAGER' }), () => d1.head, 403, 'COMPLAINT_FILING_NOT_ALLOWED'],
    ['a head filing about another department', () => ({ customerId: customer, employeeId: d1.employeeIds[0], channel: 'DISCOVERED' }), () => d2.head, 403, 'COMPLAINT_FILING_NOT_ALLOWED'],
    ['a CRM clerk filing about an unknown customer', () => ({ customerId: randomUUID() }), () => bearer(Role.CRM_CLERK, randomUUID(), d1.id), 403, 'COMPLAINT_FILING_NOT_ALLOWED'],
    ['an employee filing about a colleague', () => ({ customerId: customer, employeeId: d1.employeeIds[0], channel: 'DISCOVERED' }), () => d1.employees[1], 403, 'COMPLAINT_FILING_NOT_ALLOWED'],
  ])('refuses %s and changes nothing', async (_what, body, who, status, code) => {
    const before = await counts();
    const res = await h.file(body(), who ? who() : h.gm);
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for a complaint that does not exist, whatever the id looks like', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect((await h.get(`/api/v1/complaints/${id}`)).json().code).toBe('COMPLAINT_NOT_FOUND');
      expect((await h.resolve(id)).json().code).toBe('COMPLAINT_NOT_FOUND');
    }
  });
});
