import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { issueApiKey, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { queueFor } from '@crm/events';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/** P-3 in campaigns: a customer's part of the data export, and the erasure that scrubs the texts naming them and keeps the amounts. */
describe('campaigns: personal data (P-3)', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [owner, holder] = [randomUUID(), randomUUID()];
  const [customer, other] = [randomUUID(), randomUUID()];
  const as = { owner: bearer(Role.EMPLOYEE, owner, d1), holder: bearer(Role.EMPLOYEE, holder, d2), head2: bearer(Role.DEPARTMENT_HEAD, randomUUID(), d2) };
  let meeting: string;
  let saleId: string;
  let disputeId: string;
  let otherDisputeId: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const exportOf = (customerId: string, headers: Record<string, string> = gm) => svc.inject({ method: 'GET', url: `/api/v1/personal-data/${customerId}`, headers });
  const erase = (customerId: string, id?: string) => feed.publish('customer.erased', { customerId, erasedBy: `employee:${randomUUID()}`, erasedAt: new Date().toISOString() }, { id });
  /** Lets the queue take the same event id again, as a redelivery after a crash would (the consumer's inbox then refuses it). */
  const forgetJob = async (eventId: string) => {
    const connection = new Redis(svc.env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(queueFor('campaigns'), { connection, prefix: svc.redisPrefix });
    try {
      await (await Job.fromId(queue, eventId))?.remove();
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };
  /** Every row that must outlive an erasure unchanged (ids, amounts, dates), and the disputes' columns but their texts. */
  const kept = async () => ({
    invitations: await sql('SELECT * FROM invitations ORDER BY id'),
    sheets: await sql('SELECT * FROM sheets ORDER BY id'),
    claims: await sql('SELECT * FROM sheet_claims ORDER BY sheet_id, customer_id'),
    locks: await sql('SELECT * FROM meeting_locks ORDER BY meeting_id, customer_id'),
    attendances: await sql('SELECT * FROM attendances ORDER BY meeting_id, customer_id'),
    sales: await sql('SELECT * FROM sales ORDER BY id'),
    refunds: await sql('SELECT * FROM refunds ORDER BY id'),
    pitches: await sql('SELECT * FROM pitches ORDER BY id'),
    disputes: await sql('SELECT id, meeting_id, customer_id, party_employee_ids, argued_in_front_of_customers, status, recorded_by, recorded_at, ruled_by, ruled_at FROM disputes ORDER BY id'),
    disputeFines: await sql('SELECT * FROM dispute_fines ORDER BY dispute_id, employee_id'),
    outbox: await sql('SELECT id, name, payload FROM outbox ORDER BY sequence'),
  });
  const texts = (id: string) => sql('SELECT description, ruling FROM disputes WHERE id = $1', [id]);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code] of [[d1, 'D1'], [d2, 'D2']]) await feed.publish('department.saved', { departmentId: id, name: code, code, headId: null, savedAt: now });
    for (const [id, dept] of [[owner, d1], [holder, d2]]) await feed.publish('employee.saved', { employeeId: id, name: 'x', role: 'EMPLOYEE', departmentId: dept, savedAt: now });
    for (const c of [customer, other]) {
      await feed.publish('customer.registered', { customerId: c, ownerId: owner, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
    await at('2031-03-01T10:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2031-03-03', slot: 'EVENING', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    for (const c of [customer, other]) {
      const invitation = (await post(`/api/v1/meetings/${meeting}/invitations`, { customerId: c }, as.holder)).json().id;
      expect((await post(`/api/v1/invitations/${invitation}/confirm`, {}, as.holder)).statusCode).toBe(200);
    }
    expect((await post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: d2, customerIds: [customer, other], plannedCustomerIds: [] }, as.head2)).json().locked).toEqual(expect.arrayContaining([customer, other]));
    await at('2031-03-03T19:00:00+08:00');
    for (const c of [customer, other]) expect((await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId: c }, as.owner)).statusCode).toBe(201);
    expect((await post(`/api/v1/meetings/${meeting}/pitches`, { customerId: customer }, as.holder)).statusCode).toBe(201);
    saleId = (await post(`/api/v1/meetings/${meeting}/sales`, { customerId: customer, amountFen: 250_000 }, as.owner)).json().id;
    expect((await post(`/api/v1/sales/${saleId}/refunds`, { amountFen: 50_000 }, as.holder)).statusCode).toBe(201);
    expect((await post(`/api/v1/meetings/${meeting}/sales`, { customerId: other, amountFen: 1000 }, as.owner)).statusCode).toBe(201);
    const dispute = (customerId: string, description: string) =>
      post(`/api/v1/meetings/${meeting}/disputes`, { customerId, partyEmployeeIds: [owner, holder], description, arguedInFrontOfCustomers: true }, coordinator);
    disputeId = (await dispute(customer, '张三的归属有争议')).json().id;
    otherDisputeId = (await dispute(other, '李四的归属有争议')).json().id;
    await at('2031-03-03T22:00:00+08:00');
    for (const [id, ruling] of [[disputeId, '张三无法判定'], [otherDisputeId, '李四无法判定']]) {
      expect((await post(`/api/v1/disputes/${id}/ruling`, { outcome: 'ESCALATED', ruling }, coordinator)).statusCode).toBe(200);
    }
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('exports everything campaigns holds about the customer, and nothing of another', async () => {
    const res = await exportOf(customer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ service: 'campaigns', customerId: customer });
    const data = body.data;
    expect(data.ownership).toMatchObject({ ownerId: owner, departmentId: d1 });
    expect(data.invitations).toEqual([expect.objectContaining({ meetingId: meeting, employeeId: holder, departmentId: d2, status: 'CONFIRMED' })]);
    expect(data.sheetMentions).toEqual([expect.objectContaining({ meetingId: meeting, departmentId: d2, listed: true, planned: false, speaker: false })]);
    expect(data.sheetClaims).toEqual([expect.objectContaining({ meetingId: meeting, departmentId: d2, outcome: 'LOCKED' })]);
    expect(data.meetingLocks).toEqual([expect.objectContaining({ meetingId: meeting, departmentId: d2 })]);
    expect(data.checkIns).toEqual([expect.objectContaining({ meetingId: meeting, firstAttendance: true })]);
    expect(data.sales).toEqual([expect.objectContaining({ id: saleId, meetingId: meeting, amountFen: 250_000, refundedFen: 50_000, creditedEmployeeId: holder })]);
    expect(data.refunds).toEqual([expect.objectContaining({ saleId, amountFen: 50_000 })]);
    expect(data.pitches).toEqual([expect.objectContaining({ meetingId: meeting, employeeId: holder, role: 'HOLDER' })]);
    expect(data.disputes).toEqual([expect.objectContaining({ id: disputeId, description: '张三的归属有争议', ruling: '张三无法判定', status: 'ESCALATED' })]);
    expect(data).toMatchObject({ underServed: null, takeoverReports: [], speakerReservations: [], pitchConsents: [] });
    expect(res.body).not.toContain(other);
    expect(res.body).not.toContain('李四');
  });

  it('answers data null for a customer campaigns never heard of, 400 for an id that is not one', async () => {
    const unknown = randomUUID();
    const res = await exportOf(unknown);
    expect([res.statusCode, res.json()]).toEqual([200, { service: 'campaigns', customerId: unknown, data: null }]);
    expect((await exportOf('not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses every caller but the general manager and admins, partners included, before anything is read', async () => {
    const issued = issueApiKey();
    await feed.publish('api_key.issued', { keyId: issued.id, name: 'ERP', scopes: ['points:read', 'points:write', 'customers:read'], hash: issued.hash, issuedAt: new Date().toISOString() });
    const callers = [
      as.owner,
      as.head2,
      coordinator,
      bearer(Role.CRM_CLERK, randomUUID(), null),
      bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null),
      { 'x-api-key': issued.key },
    ];
    for (const headers of callers) {
      const res = await exportOf(customer, headers);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(saleId);
    }
    expect((await exportOf(customer, admin)).statusCode).toBe(200);
    expect((await svc.inject({ method: 'GET', url: `/api/v1/personal-data/${customer}` })).statusCode).toBe(401);
  });

  it('on customer.erased scrubs the texts of the disputes naming the customer and keeps every id, amount and date', async () => {
    const before = await kept();
    const otherTexts = await texts(otherDisputeId);
    await erase(customer);

    expect(await texts(disputeId)).toEqual([{ description: '已删除', ruling: '已删除' }]);
    expect(await texts(otherDisputeId)).toEqual(otherTexts);
    expect(await kept()).toEqual(before);
    const dispute = await svc.inject({ method: 'GET', url: `/api/v1/disputes/${disputeId}`, headers: coordinator });
    expect(dispute.json()).toMatchObject({ description: '已删除', ruling: '已删除', customerId: customer, status: 'ESCALATED' });

    const after = (await exportOf(customer)).json().data;
    expect(after.sales).toEqual([expect.objectContaining({ id: saleId, amountFen: 250_000, refundedFen: 50_000 })]);
    expect(after.refunds).toEqual([expect.objectContaining({ saleId, amountFen: 50_000 })]);
    expect(JSON.stringify(after)).not.toMatch(/张三/);
    expect(JSON.stringify(await sql('SELECT * FROM disputes'))).not.toMatch(/张三/);
  });

  it('is idempotent: the same erasure again, redelivered or announced anew, changes nothing', async () => {
    const before = { kept: await kept(), texts: await sql('SELECT id, description, ruling FROM disputes ORDER BY id') };
    const id = randomUUID();
    await erase(customer, id);
    await forgetJob(id);
    await erase(customer, id);
    expect(await sql('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [id])).toEqual([{ n: 1 }]);
    await erase(customer);
    expect({ kept: await kept(), texts: await sql('SELECT id, description, ruling FROM disputes ORDER BY id') }).toEqual(before);
    expect(await texts(disputeId)).toEqual([{ description: '已删除', ruling: '已删除' }]);
  });

  it('erases a customer campaigns never heard of without failing or touching anything', async () => {
    const before = await sql('SELECT id, description, ruling FROM disputes ORDER BY id');
    await erase(randomUUID());
    expect(await sql('SELECT id, description, ruling FROM disputes ORDER BY id')).toEqual(before);
  });
});
