import { randomUUID } from 'node:crypto';
import { SlaSweep } from './sla.sweep';
import { ComplaintsHarness, Department } from '../testing/harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * C-4 and C-5 with the clock moved: the 72-hour boundary, resolutions in time and late, the sweep run twice
 * and concurrently, and the one reopening that keeps the original due time.
 */
describe('complaints: the deadline (C-4) and resolution (C-5)', () => {
  let h: ComplaintsHarness;
  let d1: Department;
  let customer: string;
  /** Each test files on its own day, so the complaints of one never fall due in another's sweep. */
  let day = 0;

  async function fileAtNewDay(body: object = {}) {
    day += 10;
    await h.at(new Date(Date.UTC(2031, 0, 1) + day * 24 * HOUR));
    const res = await h.file({ customerId: customer, employeeId: d1.employeeIds[0], ...body });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    return { ...c, filed: new Date(c.filedAt), due: new Date(c.dueAt) };
  }

  const state = async (id: string) => (await h.get(`/api/v1/complaints/${id}`)).json();
  const breachFines = async (id: string) => (await h.events('fine.imposed', id)).filter((f) => f.rule === 'C-4');

  beforeAll(async () => {
    // Batches of one: every sweep loops over its batches, and concurrent runs interleave row by row.
    h = await ComplaintsHarness.start({ COMPLAINT_SLA_BATCH_SIZE: '1' });
    d1 = await h.department('D1');
    customer = await h.customer(d1.employeeIds[0], d1.id);
  });

  afterAll(() => h?.close());

  it('is not breached at 71:59, nor at 72:00 exactly, and is at 72:01, with the fines and the transfer request once', async () => {
    const c = await fileAtNewDay();
    await h.at(new Date(c.filed.getTime() + 71 * HOUR + 59 * MINUTE));
    expect((await h.slaSweep()).breached).toBe(0);
    // The clock runs on after a move, so the exact instant is given to the sweep itself.
    expect(await h.svc.app.get(SlaSweep).run(c.due)).toMatchObject({ breached: 0 });
    expect((await state(c.id)).sla).toBe('PENDING');

    await h.at(new Date(c.filed.getTime() + 72 * HOUR + MINUTE));
    const result = await h.slaSweep();
    expect(result).toMatchObject({ breached: 1, finesImposed: 2, complaintIds: [c.id] });
    const after = await state(c.id);
    expect(after).toMatchObject({ status: 'OPEN', sla: 'BREACHED' });
    expect((await breachFines(c.id)).map((f) => [f.employeeId, f.amountFen, f.departmentId]).sort()).toEqual(
      [[d1.employeeIds[0], 50_000, d1.id], [d1.headId, 50_000, d1.id]].sort(),
    );
    expect(await h.events('complaint.breached', c.id)).toEqual([
      { complaintId: c.id, customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, customerDepartmentId: d1.id, filedAt: c.filedAt, dueAt: c.dueAt, breachedAt: after.breachedAt },
    ]);
    // Run again: nothing more.
    expect((await h.slaSweep()).breached).toBe(0);
    expect(await breachFines(c.id)).toHaveLength(2);
    expect(await h.events('complaint.breached', c.id)).toHaveLength(1);
  });

  it('is met when resolved just in time, and no sweep breaches it', async () => {
    const c = await fileAtNewDay();
    await h.at(new Date(c.due.getTime() - 1_000));
    // C-5: the head marks it resolved; the employee it names may not (below).
    const resolved = await h.resolve(c.id, d1.head, '上门更换');
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'RESOLVED', sla: 'MET', resolutionNote: '上门更换' });
    expect(await h.events('complaint.resolved', c.id)).toEqual([
      { complaintId: c.id, customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, resolvedBy: d1.headId, resolvedAt: resolved.json().resolvedAt },
    ]);
    await h.at(new Date(c.due.getTime() + HOUR));
    expect((await h.slaSweep()).breached).toBe(0);
    expect(await breachFines(c.id)).toEqual([]);
  });

  it('is breached when resolved late, even before the sweep ran', async () => {
    const c = await fileAtNewDay();
    await h.at(new Date(c.due.getTime() + 10 * MINUTE));
    expect((await h.resolve(c.id)).json()).toMatchObject({ status: 'RESOLVED', sla: 'PENDING' });
    expect((await h.slaSweep()).complaintIds).toEqual([c.id]);
    expect((await state(c.id)).sla).toBe('BREACHED');
  });

  it('fines nothing more when resolved after its breach', async () => {
    const c = await fileAtNewDay({ channel: 'DISCOVERED' });
    await h.at(new Date(c.due.getTime() + HOUR));
    expect((await h.slaSweep()).breached).toBe(1);
    expect((await h.resolve(c.id)).json()).toMatchObject({ status: 'RESOLVED', sla: 'BREACHED' });
    expect((await h.slaSweep()).breached).toBe(0);
    expect((await h.events('fine.imposed', c.id)).map((f) => f.rule).sort()).toEqual(['C-2', 'C-4', 'C-4']);
    expect(await h.events('complaint.breached', c.id)).toHaveLength(1);
    const again = await h.resolve(c.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'COMPLAINT_ALREADY_RESOLVED']);
  });

  it('breaches each complaint once when two sweeps run at once', async () => {
    const filed = [await fileAtNewDay(), await fileAtNewDay(), await fileAtNewDay()];
    await h.at(new Date(filed[2].due.getTime() + MINUTE));
    // Through the endpoint (the runner's lock makes one wait) and straight at the database (no lock: the
    // conditional UPDATE and SKIP LOCKED decide).
    const sweep = h.svc.app.get(SlaSweep);
    const now = new Date(filed[2].due.getTime() + MINUTE);
    const results = await Promise.all([h.slaSweep(), h.slaSweep(), sweep.run(now), sweep.run(now)]);
    expect(results.reduce((n, r) => n + r.breached, 0)).toBe(3);
    expect(results.flatMap((r) => r.complaintIds).sort()).toEqual(filed.map((c) => c.id).sort());
    for (const c of filed) {
      expect(await breachFines(c.id)).toHaveLength(2);
      expect(await h.events('complaint.breached', c.id)).toHaveLength(1);
    }
  });

  it('reopens once, keeping the original due time', async () => {
    const c = await fileAtNewDay();
    await h.at(new Date(c.filed.getTime() + 10 * HOUR));
    await h.resolve(c.id);
    const employee = await h.reopen(c.id, d1.employees[0]);
    expect(employee.statusCode).toBe(403);
    await h.at(new Date(c.filed.getTime() + 20 * HOUR));
    const reopened = await h.reopen(c.id, d1.head, '回访不满意');
    expect(reopened.json()).toMatchObject({ status: 'OPEN', sla: 'PENDING', dueAt: c.dueAt, reopenReason: '回访不满意' });
    expect(await h.events('complaint.reopened', c.id)).toEqual([
      { complaintId: c.id, customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, reopenedBy: d1.headId, reopenedAt: reopened.json().reopenedAt, dueAt: c.dueAt },
    ]);
    const openAgain = await h.reopen(c.id);
    expect([openAgain.statusCode, openAgain.json().code]).toEqual([409, 'COMPLAINT_NOT_RESOLVED']);

    // Not resolved again by the original due time: breached.
    await h.at(new Date(c.due.getTime() + MINUTE));
    expect((await h.slaSweep()).complaintIds).toEqual([c.id]);
    await h.resolve(c.id);
    const twice = await h.reopen(c.id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'COMPLAINT_ALREADY_REOPENED']);
    expect(await h.events('complaint.reopened', c.id)).toHaveLength(1);
  });

  it('refuses a resolution without a note, and by someone who may not see the complaint, changing nothing', async () => {
    const c = await fileAtNewDay();
    const other = await h.department('D2');
    for (const [body, who, status, code] of [
      [{}, h.gm, 400, 'VALIDATION_FAILED'],
      [{ note: '' }, h.gm, 400, 'VALIDATION_FAILED'],
      [{ note: 'x' }, other.head, 403, 'COMPLAINT_NOT_VISIBLE'],
      [{ note: 'x' }, d1.employees[1], 403, 'COMPLAINT_NOT_VISIBLE'],
    ] as const) {
      const res = await h.post(`/api/v1/complaints/${c.id}/resolution`, body, who);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    }
    expect((await state(c.id)).status).toBe('OPEN');
    expect(await h.events('complaint.resolved', c.id)).toEqual([]);
  });

  it('shows Customer.complaints in the graph to those who may see them, and files and resolves there', async () => {
    const c = await fileAtNewDay();
    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { complaints { id status cause channel dueAt } } } }`;
    const reps = { reps: [{ __typename: 'Customer', id: customer }] };
    const asHead = await h.graphql(entities, reps, d1.head);
    expect(asHead.json().data._entities[0].complaints).toContainEqual({ id: c.id, status: 'OPEN', cause: 'SERVICE_NOT_IN_PLACE', channel: 'HOTLINE', dueAt: c.dueAt });
    expect((await h.graphql(entities, reps, d1.employees[1])).json().data._entities[0].complaints).toEqual([]);
    const anonymous = await h.graphql(entities, reps, {});
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const filed = await h.graphql(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id status channel customer { id } } }`,
      { input: { customerId: customer, employeeId: d1.employeeIds[1], cause: 'OTHER', channel: 'VISIT', description: '上门投诉' } },
      d1.head,
    );
    const id = filed.json().data.fileComplaint.id;
    expect(filed.json().data.fileComplaint).toMatchObject({ status: 'OPEN', channel: 'VISIT', customer: { id: customer } });
    // C-5: not the employee it names, who is refused; their head resolves.
    const self = await h.graphql(`mutation { resolveComplaint(id: "${id}", note: "已处理") { status resolutionNote } }`, {}, d1.employees[1]);
    expect(self.json().errors[0].extensions.code).toBe('SELF_RESOLUTION_FORBIDDEN');
    const resolved = await h.graphql(`mutation { resolveComplaint(id: "${id}", note: "已处理") { status resolutionNote } }`, {}, d1.head);
    expect(resolved.json().data.resolveComplaint).toEqual({ status: 'RESOLVED', resolutionNote: '已处理' });
    const read = await h.graphql(`query { complaint(id: "${id}") { id status } }`, {}, d1.employees[0]);
    expect(read.json().errors[0].extensions.code).toBe('COMPLAINT_NOT_VISIBLE');
    const bad = await h.graphql(`mutation { resolveComplaint(id: "${id}", note: "") { status } }`);
    expect(bad.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
  describe("the customer's department (C-4) and no self-resolution (C-5)", () => {
    let d2: Department;

    beforeAll(async () => {
      d2 = await h.department('D2-B');
      // Complaints the tests above left open fall due before these tests' own: breach them now, out of the way.
      await h.at(new Date(Date.UTC(2031, 0, 1) + (day + 5) * 24 * HOUR));
      await h.slaSweep();
    });

    it("breaches a complaint about another department's employee: the customer's department's head and the employee 500 yuan each, and names that department", async () => {
      const c = await fileAtNewDay({ employeeId: d2.employeeIds[0] });
      expect(c).toMatchObject({ departmentId: d2.id, customerDepartmentId: d1.id });
      await h.at(new Date(c.due.getTime() + MINUTE));
      expect(await h.slaSweep()).toMatchObject({ breached: 1, finesImposed: 2, complaintIds: [c.id] });
      expect((await breachFines(c.id)).map((f) => [f.employeeId, f.amountFen, f.departmentId]).sort()).toEqual(
        [
          [d2.employeeIds[0], 50_000, d2.id],
          [d1.headId, 50_000, d1.id],
        ].sort(),
      );
      const breached = await h.events('complaint.breached', c.id);
      expect(breached).toEqual([expect.objectContaining({ employeeId: d2.employeeIds[0], departmentId: d2.id, customerDepartmentId: d1.id })]);
    });

    it('refuses the employee it names a resolution, by REST and GraphQL, changing nothing; the breach then happens', async () => {
      const c = await fileAtNewDay();
      await h.at(new Date(c.filed.getTime() + HOUR));
      const self = await h.resolve(c.id, d1.employees[0], '我已经处理好了');
      expect([self.statusCode, self.json().code]).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
      const graph = await h.graphql(`mutation { resolveComplaint(id: "${c.id}", note: "我已经处理好了") { status } }`, {}, d1.employees[0]);
      expect(graph.json().errors[0].extensions.code).toBe('SELF_RESOLUTION_FORBIDDEN');
      expect(await state(c.id)).toMatchObject({ status: 'OPEN', sla: 'PENDING', resolvedAt: null, resolutionNote: null, resolvedBy: null });
      expect(await h.events('complaint.resolved', c.id)).toEqual([]);

      await h.at(new Date(c.due.getTime() + MINUTE));
      expect((await h.slaSweep()).complaintIds).toEqual([c.id]);
      expect((await breachFines(c.id)).map((f) => f.employeeId).sort()).toEqual([d1.employeeIds[0], d1.headId].sort());
      // Breached, it is still not theirs to resolve; the head's is accepted.
      expect((await h.resolve(c.id, d1.employees[0])).json().code).toBe('SELF_RESOLUTION_FORBIDDEN');
      expect((await h.resolve(c.id, d1.head)).json()).toMatchObject({ status: 'RESOLVED', sla: 'BREACHED', resolvedBy: d1.headId });
    });

    it('refuses a head named by the complaint too; the general manager resolves it', async () => {
      const c = await fileAtNewDay({ employeeId: d1.headId });
      const self = await h.resolve(c.id, d1.head);
      expect([self.statusCode, self.json().code]).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
      expect((await h.resolve(c.id, h.coordinator)).json()).toMatchObject({ status: 'RESOLVED', sla: 'MET' });
    });

    it('lets the employee it names record what they did, listed on the complaint; the head resolves it', async () => {
      const c = await fileAtNewDay();
      await h.at(new Date(c.filed.getTime() + 2 * HOUR));
      const own = await h.post(`/api/v1/complaints/${c.id}/actions`, { note: '已电话致歉, 约定明天上门' }, d1.employees[0]);
      expect(own.statusCode).toBe(201);
      expect(own.json()).toEqual({ id: expect.any(String), complaintId: c.id, note: '已电话致歉, 约定明天上门', recordedBy: d1.employeeIds[0], recordedAt: expect.any(String) });
      const viaGraph = await h.graphql(`mutation($id: ID!) { recordComplaintAction(id: $id, note: "上门更换产品") { complaintId note recordedBy } }`, { id: c.id }, d1.employees[0]);
      expect(viaGraph.json().data.recordComplaintAction).toEqual({ complaintId: c.id, note: '上门更换产品', recordedBy: d1.employeeIds[0] });
      // Recording resolves nothing.
      expect(await state(c.id)).toMatchObject({ status: 'OPEN', sla: 'PENDING' });
      expect(await h.events('complaint.resolved', c.id)).toEqual([]);

      for (const [body, who, status, code] of [
        [{ note: '' }, d1.employees[0], 400, 'VALIDATION_FAILED'],
        [{}, d1.employees[0], 400, 'VALIDATION_FAILED'],
        [{ note: 'x' }, d1.employees[1], 403, 'COMPLAINT_NOT_VISIBLE'],
        [{ note: 'x' }, d2.head, 403, 'COMPLAINT_NOT_VISIBLE'],
      ] as const) {
        const res = await h.post(`/api/v1/complaints/${c.id}/actions`, body, who);
        expect([res.statusCode, res.json().code]).toEqual([status, code]);
      }
      for (const id of [randomUUID(), 'not-a-uuid']) expect((await h.post(`/api/v1/complaints/${id}/actions`, { note: 'x' })).json().code).toBe('COMPLAINT_NOT_FOUND');

      const listed = (await h.get(`/api/v1/complaints/${c.id}`, d1.head)).json().actions;
      expect(listed.map((a: { note: string; recordedBy: string }) => [a.note, a.recordedBy])).toEqual([
        ['已电话致歉, 约定明天上门', d1.employeeIds[0]],
        ['上门更换产品', d1.employeeIds[0]],
      ]);
      const graph = await h.graphql(`query($id: ID!) { complaint(id: $id) { customerDepartmentId actions { note recordedBy } } }`, { id: c.id }, d1.employees[0]);
      expect(graph.json().data.complaint).toEqual({
        customerDepartmentId: d1.id,
        actions: [
          { note: '已电话致歉, 约定明天上门', recordedBy: d1.employeeIds[0] },
          { note: '上门更换产品', recordedBy: d1.employeeIds[0] },
        ],
      });

      const resolved = await h.resolve(c.id, d1.head, '部门经理确认顾客满意');
      expect(resolved.json()).toMatchObject({ status: 'RESOLVED', sla: 'MET', resolvedBy: d1.headId });
      const late = await h.post(`/api/v1/complaints/${c.id}/actions`, { note: 'x' }, d1.employees[0]);
      expect([late.statusCode, late.json().code]).toEqual([409, 'COMPLAINT_ALREADY_RESOLVED']);
      expect((await h.get(`/api/v1/complaints/${c.id}`)).json().actions).toHaveLength(2);
    });
  });
});

describe('complaints: a deadline configured otherwise (COMPLAINT_SLA_HOURS)', () => {
  let h: ComplaintsHarness;

  beforeAll(async () => {
    h = await ComplaintsHarness.start({ COMPLAINT_SLA_HOURS: '24' });
  });

  afterAll(() => h?.close());

  it('is due and breached 24 hours after filing', async () => {
    const d = await h.department('D1');
    const customer = await h.customer(d.employeeIds[0], d.id);
    const c = (await h.file({ customerId: customer })).json();
    const filed = new Date(c.filedAt);
    expect(c.dueAt).toBe(new Date(filed.getTime() + 24 * HOUR).toISOString());
    expect((await h.svc.app.get(SlaSweep).run(new Date(filed.getTime() + 24 * HOUR))).breached).toBe(0);
    expect((await h.svc.app.get(SlaSweep).run(new Date(filed.getTime() + 24 * HOUR + MINUTE))).complaintIds).toEqual([c.id]);
  });
});
