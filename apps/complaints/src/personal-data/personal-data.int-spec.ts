import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { EventConsumer } from '@crm/events';
import { bearer } from '@crm/testing';
import { ComplaintsHarness, Department } from '../testing/harness';

/**
 * P-3 in complaints: the customer's export section (GENERAL_MANAGER and ADMIN only; every complaint with its
 * texts, actions and fines; data null for a customer never heard of) and customer.erased (the texts about the
 * person become '[erased]', ids, statuses, dates and fines stay, once however often the event comes).
 */
describe('complaints: personal data export and erasure (P-3)', () => {
  let h: ComplaintsHarness;
  let d1: Department;
  let customer: string;
  let other: string;
  let complaintId: string;
  let discoveredId: string;
  let otherComplaintId: string;

  const exportOf = (customerId: string, headers: Record<string, string> = h.gm) =>
    h.get(`/api/v1/personal-data/${customerId}`, headers);
  const erased = (customerId: string, id?: string) =>
    h.feed.publish(
      'customer.erased',
      { customerId, erasedBy: `employee:${randomUUID()}`, erasedAt: h.nowIso() },
      { id },
    );
  const rows = (customerId: string) =>
    h.sql(
      `SELECT id, customer_id, employee_id, department_id, cause, channel, description, status, sla, filed_by, filed_at, due_at, resolved_at, resolution_note,
              resolved_by, reopened_at, reopened_by, reopen_reason, breached_at FROM complaints WHERE customer_id = $1 ORDER BY id`,
      [customerId],
    );
  const actions = (customerId: string) =>
    h.sql(
      `SELECT a.id, a.complaint_id, a.note, a.recorded_by, a.recorded_at FROM complaint_actions a JOIN complaints c ON c.id = a.complaint_id WHERE c.customer_id = $1 ORDER BY a.id`,
      [customerId],
    );
  const fines = (customerId: string) =>
    h.sql(
      `SELECT f.* FROM complaint_fines f JOIN complaints c ON c.id = f.complaint_id WHERE c.customer_id = $1 ORDER BY f.fine_id`,
      [customerId],
    );

  beforeAll(async () => {
    h = await ComplaintsHarness.start();
    d1 = await h.department('D1');
    customer = await h.customer(d1.employeeIds[0], d1.id);
    other = await h.customer(d1.employeeIds[0], d1.id);
    complaintId = (
      await h.file({
        customerId: customer,
        employeeId: d1.employeeIds[0],
        description: '王阿姨说上门迟到两小时',
      })
    ).json().id;
    expect(
      (
        await h.post(
          `/api/v1/complaints/${complaintId}/actions`,
          { note: '已致电王阿姨致歉' },
          d1.employees[0],
        )
      ).statusCode,
    ).toBe(201);
    expect((await h.resolve(complaintId, h.gm, '部门经理上门向王阿姨致歉')).statusCode).toBe(200);
    expect((await h.reopen(complaintId, h.gm, '王阿姨回访仍不满意')).statusCode).toBe(200);
    discoveredId = (
      await h.file(
        {
          customerId: customer,
          employeeId: d1.employeeIds[1],
          channel: 'DISCOVERED',
          description: '王阿姨的血压仪没送到',
        },
        d1.head,
      )
    ).json().id;
    otherComplaintId = (
      await h.file({ customerId: other, employeeId: d1.employeeIds[0], description: '李先生投诉态度差' })
    ).json().id;
  });

  afterAll(() => h?.close());

  it('exports every complaint about the customer with its texts, actions and fines, to the general manager and ADMIN', async () => {
    for (const caller of [h.gm, h.admin]) {
      const res = await exportOf(customer, caller);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ service: 'complaints', customerId: customer });
      expect(body.data.complaints.map((c: { id: string }) => c.id).sort()).toEqual(
        [complaintId, discoveredId].sort(),
      );
      const first = body.data.complaints.find((c: { id: string }) => c.id === complaintId);
      expect(first).toMatchObject({
        customerId: customer,
        description: '王阿姨说上门迟到两小时',
        resolutionNote: '部门经理上门向王阿姨致歉',
        reopenReason: '王阿姨回访仍不满意',
        status: 'OPEN',
        fines: [],
        actions: [{ complaintId, note: '已致电王阿姨致歉', recordedBy: d1.employeeIds[0] }],
      });
      // The export is what GET /api/v1/complaints/{id} answers, complaint by complaint.
      expect(first).toEqual((await h.get(`/api/v1/complaints/${complaintId}`)).json());
      const discovered = body.data.complaints.find((c: { id: string }) => c.id === discoveredId);
      expect(discovered).toMatchObject({
        description: '王阿姨的血压仪没送到',
        fines: [
          { employeeId: d1.employeeIds[1], rule: 'C-2', amountFen: 10_000, imposedAt: expect.any(String) },
        ],
      });
      expect(res.body).not.toContain('李先生');
    }
  });

  it('refuses every other role and every partner key, telling nothing of the customer', async () => {
    const refused = [
      d1.employees[0],
      d1.head,
      bearer(Role.CRM_CLERK, randomUUID(), null),
      bearer(Role.COORDINATOR, randomUUID(), null),
      bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null),
      await h.partner(['complaints:read', 'complaints:write', 'customers:read', 'customers:pii']),
    ];
    for (const caller of refused) {
      const res = await exportOf(customer, caller);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('王阿姨');
      expect(res.body).not.toContain(complaintId);
    }
  });

  it('answers data null for a customer complaints never heard of, an empty list for one without complaints, 400 for a malformed id', async () => {
    const unknown = randomUUID();
    expect((await exportOf(unknown)).json()).toEqual({
      service: 'complaints',
      customerId: unknown,
      data: null,
    });
    const quiet = await h.customer(d1.employeeIds[0], d1.id);
    expect((await exportOf(quiet)).json()).toEqual({
      service: 'complaints',
      customerId: quiet,
      data: { complaints: [] },
    });
    expect((await exportOf('not-a-uuid')).statusCode).toBe(400);
  });

  it('erases the texts about the customer on customer.erased and keeps ids, statuses, dates and fines, once on redelivery', async () => {
    const before = {
      complaints: await rows(customer),
      actions: await actions(customer),
      fines: await fines(customer),
      other: await rows(other),
      otherActions: await actions(other),
    };
    expect(before.fines).toHaveLength(1);
    const eventId = await erased(customer);

    const after = await rows(customer);
    expect(after).toEqual(
      before.complaints.map((c) => ({
        ...c,
        description: '[erased]',
        resolution_note: c.resolution_note === null ? null : '[erased]',
        reopen_reason: c.reopen_reason === null ? null : '[erased]',
      })),
    );
    expect(after.find((c) => c.id === complaintId)).toMatchObject({
      resolution_note: '[erased]',
      reopen_reason: '[erased]',
      status: 'OPEN',
    });
    expect(await actions(customer)).toEqual(before.actions.map((a) => ({ ...a, note: '[erased]' })));
    expect(await fines(customer)).toEqual(before.fines);
    // Another customer's complaints are untouched.
    expect(await rows(other)).toEqual(before.other);
    expect(await actions(other)).toEqual(before.otherActions);

    // The same event again is a duplicate; a second erasure finds nothing left to change.
    const again = await h.svc.app.get(EventConsumer).handle({
      id: eventId,
      name: 'customer.erased',
      version: 1,
      producer: 'customers',
      payload: { customerId: customer, erasedBy: 'employee:x', erasedAt: h.nowIso() },
      requestId: null,
      occurredAt: h.nowIso(),
    });
    expect(again).toBe('duplicate');
    await erased(customer);
    expect(await rows(customer)).toEqual(after);
    expect(await fines(customer)).toEqual(before.fines);
  });

  it('after the erasure, REST, GraphQL and the export show none of the texts', async () => {
    const texts = ['王阿姨', '致歉', '不满意', '血压仪'];
    const answers = [
      await h.get(`/api/v1/complaints/${complaintId}`),
      await h.get(`/api/v1/complaints?customerId=${customer}`),
      await h.graphql(
        `query ($id: ID!) { complaint(id: $id) { id description resolutionNote actions { note } } }`,
        { id: complaintId },
      ),
      await h.graphql(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { complaints { id description actions { note } } } } }`,
        { r: [{ __typename: 'Customer', id: customer }] },
      ),
      await exportOf(customer),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('[erased]');
      for (const text of texts) expect(res.body).not.toContain(text);
    }
    const exported = answers.at(-1)!.json();
    expect(exported.data.complaints.find((c: { id: string }) => c.id === discoveredId).fines).toEqual([
      expect.objectContaining({ rule: 'C-2', amountFen: 10_000 }),
    ]);
    expect((await h.get(`/api/v1/complaints/${otherComplaintId}`)).json().description).toBe(
      '李先生投诉态度差',
    );
  });
});
