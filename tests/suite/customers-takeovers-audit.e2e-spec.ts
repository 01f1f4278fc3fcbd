import { randomUUID } from 'node:crypto';
import { codeOf, RunningSuite, startSuite, SuiteSession, testRedisUrl } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';

/**
 * V-2, C-4 and P-2 of the customers service through the gateway, as processes driven over HTTP: takeover
 * reports (campaigns' `takeover.reported`, published here into customers' real queue) decided by the resource
 * director, the general manager reassigning an under-served customer (service-visits' `customer.under_served`
 * published the same way), the C-4 transfer away from the customer's own department, and the audit trail.
 */
describe('suite: customers takeovers, company reassignment and audit through the gateway', () => {
  let suite: RunningSuite;
  let feed: EventFeed;
  const session = new SuiteSession();
  const { post, get, tokenOf, employee, twoDepartments, register } = session;
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'head2' | 'e1' | 'e2' | 'e2b' | 'director' | 'manager', string>;
  const tokens = {} as Record<'head1' | 'e1' | 'e2' | 'director' | 'manager', Record<string, string>>;
  let phoneSeq = 0;
  const phone = () => `1350000${String(++phoneSeq).padStart(4, '0')}`;
  const ownerOf = async (customerId: string) => {
    const c = (await get(`/api/v1/customers/${customerId}`, tokens.director)).body;
    return { ownerId: c.ownerId, departmentId: c.departmentId };
  };
  /** campaigns' event: e2 of 二部 invited 一部's under-served customer; answers the report's id as the director lists it. */
  const reportTakeover = async (customerId: string) => {
    const invitationId = randomUUID();
    await feed.publish('takeover.reported', {
      invitationId,
      meetingId: randomUUID(),
      customerId,
      ownerId: ids.e1,
      departmentId: ids.d1,
      reportingEmployeeId: ids.e2,
      reportingDepartmentId: ids.d2,
      reportedAt: new Date().toISOString(),
    });
    const pending = await get('/api/v1/takeover-reports?status=PENDING&limit=200', tokens.director);
    expect(pending.status).toBe(200);
    const report = pending.body.items.find((r: { invitationId: string }) => r.invitationId === invitationId);
    expect(report).toMatchObject({ customerId, reportingEmployeeId: ids.e2, invitationId, status: 'PENDING', decidedAt: null, decidedBy: null });
    return report.id as string;
  };

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers'] });
    session.connect(suite);
    feed = new EventFeed(testRedisUrl(), suite.redisPrefix);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙', e2b: '员工丁' } }));
    ids.director = await employee('资源总监', 'RESOURCE_DIRECTOR');
    ids.manager = await employee('总经理', 'GENERAL_MANAGER');
    for (const who of ['head1', 'e1', 'e2', 'director', 'manager'] as const) tokens[who] = await tokenOf(ids[who]);
  }, 120_000);

  afterAll(async () => {
    await feed?.close();
    await suite?.stop();
  });

  describe('takeover reports (V-2)', () => {
    it('approved by the resource director: the customer moves to the reporting employee, with history and audit', async () => {
      const customerId = await register('周大爷', phone(), tokens.e1);
      const reportId = await reportTakeover(customerId);
      const approved = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, tokens.director);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: reportId, customerId, status: 'APPROVED', decidedBy: ids.director, decidedAt: expect.any(String) });
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.e2, departmentId: ids.d2 });
      const [entry] = (await get(`/api/v1/customers/${customerId}/history`, tokens.director)).body.items;
      expect(entry).toMatchObject({ kind: 'OWNER', from: ids.e1, to: ids.e2, actorId: ids.director });
      expect(entry.cause).toContain(reportId);
      const audit = await get(`/api/v1/audit?customerId=${customerId}&actorId=${ids.director}`, tokens.manager);
      expect(audit.status).toBe(200);
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({ actorId: ids.director, action: 'OWNER_CHANGED', customerId, detail: { from: ids.e1, to: ids.e2, cause: 'UNDER_SERVED', causeId: reportId } }),
      );
      expect((await get('/api/v1/takeover-reports?status=APPROVED', tokens.manager)).body.items.map((r: { id: string }) => r.id)).toContain(reportId);
    });

    it('declined: nothing moves', async () => {
      const customerId = await register('吴阿姨', phone(), tokens.e1);
      const reportId = await reportTakeover(customerId);
      const declined = await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: '本部门下周家访' }, tokens.director);
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', decidedBy: ids.director, declineReason: '本部门下周家访' });
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.e1, departmentId: ids.d1 });
      expect((await get(`/api/v1/customers/${customerId}/history`, tokens.director)).body.items).toHaveLength(1);
    });

    it('decided twice: 409, and nothing moves again', async () => {
      const customerId = await register('郑大姐', phone(), tokens.e1);
      const reportId = await reportTakeover(customerId);
      expect((await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, tokens.director)).status).toBe(200);
      expect(codeOf(await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, tokens.director))).toEqual([409, 'TAKEOVER_ALREADY_DECIDED']);
      expect(codeOf(await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: 'late' }, tokens.director))).toEqual([409, 'TAKEOVER_ALREADY_DECIDED']);
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.e2, departmentId: ids.d2 });
      expect((await get(`/api/v1/customers/${customerId}/history`, tokens.director)).body.items).toHaveLength(2);
    });

    it('refused to an employee (even the reporter), a head and the general manager: 403, nothing moves', async () => {
      const customerId = await register('王大妈', phone(), tokens.e1);
      const reportId = await reportTakeover(customerId);
      for (const who of [tokens.e2, tokens.e1, tokens.head1, tokens.manager]) {
        expect(codeOf(await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, who))).toEqual([403, 'FORBIDDEN']);
      }
      expect(codeOf(await post(`/api/v1/takeover-reports/${reportId}/decline`, { reason: 'no' }, tokens.e2))).toEqual([403, 'FORBIDDEN']);
      expect(codeOf(await get('/api/v1/takeover-reports', tokens.e2))).toEqual([403, 'FORBIDDEN']);
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.e1, departmentId: ids.d1 });
      expect((await get('/api/v1/takeover-reports?status=PENDING&limit=200', tokens.director)).body.items.map((r: { id: string }) => r.id)).toContain(reportId);
    });

    it('refuses approval once the customer left the reported department (409), and bad input with 400', async () => {
      const customerId = await register('冯先生', phone(), tokens.e1);
      const reportId = await reportTakeover(customerId);
      expect((await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.e2b, reason: 'decision' }, tokens.director)).status).toBe(201);
      const stale = await post(`/api/v1/takeover-reports/${reportId}/approval`, {}, tokens.director);
      expect(codeOf(stale)).toEqual([409, 'TAKEOVER_CUSTOMER_MOVED']);
      expect(await ownerOf(customerId)).toEqual({ ownerId: ids.e2b, departmentId: ids.d2 });
      expect(codeOf(await post(`/api/v1/takeover-reports/${reportId}/decline`, {}, tokens.director))).toEqual([400, 'VALIDATION_FAILED']);
      expect(codeOf(await get('/api/v1/takeover-reports?status=SOON', tokens.director))).toEqual([400, 'VALIDATION_FAILED']);
      expect(codeOf(await post(`/api/v1/takeover-reports/${randomUUID()}/approval`, {}, tokens.director))).toEqual([404, 'TAKEOVER_REPORT_NOT_FOUND']);
    });
  });

  it('lets the general manager reassign an under-served customer, and only such a customer (V-2)', async () => {
    const customerId = await register('陈奶奶', phone(), tokens.e1);
    expect(codeOf(await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.e2, reason: 'reassign' }, tokens.manager))).toEqual([409, 'CUSTOMER_NOT_UNDER_SERVED']);
    await feed.publish('customer.under_served', { customerId, ownerId: ids.e1, departmentId: ids.d1, lastServedAt: null, detectedAt: new Date().toISOString() });
    const moved = await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.e2, reason: '三个月未服务 (V-2)' }, tokens.manager);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ ownerId: ids.e2, departmentId: ids.d2, underServed: false });
    const [entry] = (await get(`/api/v1/customers/${customerId}/history`, tokens.manager)).body.items;
    expect(entry).toMatchObject({ kind: 'OWNER', from: ids.e1, to: ids.e2, actorId: ids.manager, cause: '三个月未服务 (V-2)' });
    expect(codeOf(await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.e2, reason: 'x' }, tokens.head1))).toEqual([403, 'FORBIDDEN']);
  });

  it("moves a breached complaint's customer away from the department that owned them at filing (C-4)", async () => {
    // The complaint names e2 of 二部, but the customer belongs to 一部: the customer leaves 一部 (today 二部 is the
    // only other department), never back to 一部.
    const customerId = await register('刘伯伯', phone(), tokens.e1);
    await feed.publish('complaint.breached', {
      complaintId: randomUUID(),
      customerId,
      employeeId: ids.e2,
      departmentId: ids.d2,
      customerDepartmentId: ids.d1,
      filedAt: '2026-03-01T10:00:00.000Z',
      dueAt: '2026-03-04T10:00:00.000Z',
      breachedAt: '2026-03-04T10:00:01.000Z',
    });
    const moved = await ownerOf(customerId);
    expect(moved.departmentId).toBe(ids.d2);
    expect([ids.e2, ids.e2b]).toContain(moved.ownerId);
  });

  describe('the audit trail (P-2)', () => {
    it('lists who read whose personal data and who changed ownership, filtered by customer and by actor', async () => {
      const customerId = await register('孙老师', phone(), tokens.e1);
      expect((await get(`/api/v1/customers/${customerId}`, tokens.head1)).body.phoneMasked).toBe(false);
      await feed.publish('personal_data.read', { customerIds: [customerId], data: 'HEALTH_READINGS', actor: `employee:${ids.head1}`, actorId: ids.head1, readAt: new Date().toISOString() });
      expect((await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.e2, reason: 'decision' }, tokens.director)).status).toBe(201);

      const ofCustomer = await get(`/api/v1/audit?customerId=${customerId}`, tokens.manager);
      expect(ofCustomer.status).toBe(200);
      expect(ofCustomer.body.items.every((e: { customerId: string }) => e.customerId === customerId)).toBe(true);
      expect(ofCustomer.body.items.map((e: { actorId: string; action: string }) => [e.actorId, e.action])).toEqual(
        expect.arrayContaining([
          [ids.e1, 'READ_PERSONAL_DATA'],
          [ids.head1, 'READ_PERSONAL_DATA'],
          [ids.director, 'OWNER_CHANGED'],
        ]),
      );
      const byHead = await get(`/api/v1/audit?customerId=${customerId}&actorId=${ids.head1}`, session.admin);
      expect(byHead.status).toBe(200);
      expect(byHead.body.items.map((e: { detail: { fields: string[] } }) => e.detail.fields).sort()).toEqual([['healthReadings'], ['phone']]);
      expect(byHead.body.nextCursor).toBeNull();
      const future = await get(`/api/v1/audit?customerId=${customerId}&from=2999-01-01T00:00:00.000Z`, tokens.manager);
      expect(future.body.items).toEqual([]);
    });

    it('is refused to a head, the resource director and an employee', async () => {
      for (const who of [tokens.head1, tokens.director, tokens.e1]) expect(codeOf(await get('/api/v1/audit', who))).toEqual([403, 'FORBIDDEN']);
      expect(codeOf(await get('/api/v1/audit?actorId=someone', tokens.manager))).toEqual([400, 'VALIDATION_FAILED']);
    });
  });
});
