import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from './app.module';
import { loadCampaignsConfig } from './config';

/**
 * Every campaigns route that takes a meeting, sheet, invitation, sale, pitch or dispute id, called by staff of a
 * department that does not take part in the meeting (and, for a department's own records, by the other department
 * of a joint meeting): refused before any business check, learning nothing, and changing nothing.
 */
describe('campaigns: objects guarded from departments outside the meeting', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const [d1, d2, d3] = [randomUUID(), randomUUID(), randomUUID()];
  const [head1, head3, e1, e2, e3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c1, c3] = [randomUUID(), randomUUID()];
  const as = {
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    head3: bearer(Role.DEPARTMENT_HEAD, head3, d3),
    e1: bearer(Role.EMPLOYEE, e1, d1),
    e2: bearer(Role.EMPLOYEE, e2, d2),
    e3: bearer(Role.EMPLOYEE, e3, d3),
  };
  const ids = {} as Record<'meeting' | 'invitation' | 'sale' | 'pitch' | 'dispute', string>;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) =>
    svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const at = (now: string) =>
    svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const counts = async () =>
    (
      await sql(`SELECT (SELECT count(*) FROM sheets) + (SELECT count(*) FROM invitations) + (SELECT count(*) FROM attendances) + (SELECT count(*) FROM sales)
                  + (SELECT count(*) FROM refunds) + (SELECT count(*) FROM pitches) + (SELECT count(*) FROM pitch_consents) + (SELECT count(*) FROM disputes) AS n`)
    )[0].n;

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code, headId] of [
      [d1, 'D1', head1],
      [d2, 'D2', null],
      [d3, 'D3', head3],
    ] as const)
      await feed.publish('department.saved', { departmentId: id, name: code, code, headId, savedAt: now });
    for (const [id, dept] of [
      [e1, d1],
      [e2, d2],
      [e3, d3],
    ])
      await feed.publish('employee.saved', {
        employeeId: id,
        name: 'x',
        role: 'EMPLOYEE',
        departmentId: dept,
        savedAt: now,
      });
    for (const [customerId, ownerId, departmentId] of [
      [c1, e1, d1],
      [c3, e3, d3],
    ]) {
      await feed.publish('customer.registered', {
        customerId,
        ownerId,
        departmentId,
        referrerId: null,
        source: 'WALK_IN',
        outreachEventId: null,
        stage: 'POTENTIAL',
        registeredAt: now,
      });
    }
    await at('2030-12-01T09:00:00+08:00');
    ids.meeting = (
      await post('/api/v1/meetings', {
        date: '2030-12-05',
        slot: 'AFTERNOON',
        venue: '大厅',
        departmentIds: [d1, d2],
      })
    ).json().id;
    await at('2030-12-05T09:00:00+08:00');
    ids.invitation = (
      await post(`/api/v1/meetings/${ids.meeting}/invitations`, { customerId: c1 }, as.e1)
    ).json().id;
    expect((await post(`/api/v1/invitations/${ids.invitation}/confirm`, {}, as.e1)).statusCode).toBe(200);
    expect(
      (
        await post(
          `/api/v1/meetings/${ids.meeting}/sheets`,
          { departmentId: d1, customerIds: [c1] },
          as.head1,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(`/api/v1/meetings/${ids.meeting}/check-ins`, { customerId: c1 }, as.e1)).statusCode,
    ).toBe(201);
    ids.pitch = (await post(`/api/v1/meetings/${ids.meeting}/pitches`, { customerId: c1 }, as.e1)).json().id;
    ids.sale = (
      await post(`/api/v1/meetings/${ids.meeting}/sales`, { customerId: c1, amountFen: 10_000 }, as.e1)
    ).json().id;
    ids.dispute = (
      await post(
        `/api/v1/meetings/${ids.meeting}/disputes`,
        { partyEmployeeIds: [e1, e2], customerId: c1, description: '争议', arguedInFrontOfCustomers: false },
        coordinator,
      )
    ).json().id;
    for (const id of Object.values(ids)) expect(id).toEqual(expect.any(String));
    // After the meeting-day deadline: an outsider must not even learn that the meeting closed.
    await at('2030-12-05T11:00:00+08:00');
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  const m = () => `/api/v1/meetings/${ids.meeting}`;
  it.each<[string, () => Promise<{ statusCode: number; json: () => { code?: string } }>, number, string]>([
    [
      'reading the reconciliations (a head)',
      () => get(`${m()}/reconciliations`, as.head3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    ['listing the sheets (a head)', () => get(`${m()}/sheets`, as.head3), 403, 'NOT_YOUR_DEPARTMENT'],
    [
      "handing in another department's sheet (a head)",
      () => post(`${m()}/sheets`, { departmentId: d1, customerIds: [] }, as.head3),
      403,
      'FORBIDDEN',
    ],
    [
      'handing in its own sheet (a head)',
      () => post(`${m()}/sheets`, { departmentId: d3, customerIds: [] }, as.head3),
      422,
      'DEPARTMENT_NOT_IN_MEETING',
    ],
    [
      'inviting after the deadline',
      () => post(`${m()}/invitations`, { customerId: c3 }, as.e3),
      403,
      'DEPARTMENT_NOT_IN_MEETING',
    ],
    ['listing the invitations', () => get(`${m()}/invitations`, as.e3), 403, 'NOT_YOUR_DEPARTMENT'],
    [
      'reading an invitation',
      () => get(`/api/v1/invitations/${ids.invitation}`, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      "reading the other department's invitation (joint meeting)",
      () => get(`/api/v1/invitations/${ids.invitation}`, as.e2),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'confirming an invitation',
      () => post(`/api/v1/invitations/${ids.invitation}/confirm`, {}, as.e3),
      403,
      'NOT_YOUR_INVITATION',
    ],
    [
      'checking a customer in',
      () => post(`${m()}/check-ins`, { customerId: c3 }, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'recording a sale',
      () => post(`${m()}/sales`, { customerId: c1, amountFen: 100 }, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    ['listing the sales', () => get(`${m()}/sales`, as.e3), 403, 'NOT_YOUR_DEPARTMENT'],
    ['reading a sale', () => get(`/api/v1/sales/${ids.sale}`, as.e3), 403, 'NOT_YOUR_DEPARTMENT'],
    [
      'refunding a sale',
      () => post(`/api/v1/sales/${ids.sale}/refunds`, { amountFen: 100 }, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'granting pitch consent',
      () => post(`${m()}/pitch-consents`, { customerId: c1, employeeId: e3 }, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'starting a pitch (learning whether the customer checked in)',
      () => post(`${m()}/pitches`, { customerId: c1 }, as.e3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    ['ending a pitch', () => post(`/api/v1/pitches/${ids.pitch}/end`, {}, as.e3), 403, 'NOT_YOUR_PITCH'],
    [
      'recording a dispute (a head)',
      () =>
        post(
          `${m()}/disputes`,
          { partyEmployeeIds: [e1, e3], description: 'x', arguedInFrontOfCustomers: true },
          as.head3,
        ),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'reading a dispute (a head)',
      () => get(`/api/v1/disputes/${ids.dispute}`, as.head3),
      403,
      'NOT_YOUR_DEPARTMENT',
    ],
    [
      'ruling a dispute (a head)',
      () => post(`/api/v1/disputes/${ids.dispute}/ruling`, { outcome: 'RULED', ruling: 'x' }, as.head3),
      403,
      'FORBIDDEN',
    ],
  ])(
    'refuses staff of a department outside the meeting %s, and changes nothing',
    async (_what, send, status, code) => {
      const before = await counts();
      const res = await send();
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
      expect(await counts()).toEqual(before);
      expect(await sql(`SELECT count(*)::int AS n FROM outbox WHERE name = 'fine.imposed'`)).toEqual([
        { n: 0 },
      ]);
    },
  );

  it("shows a customer's invitations in the graph to the inviting department and company-wide readers only", async () => {
    const invitationsAs = async (headers: Record<string, string>) =>
      (
        await post(
          '/graphql',
          {
            query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { invitations { id departmentId } } } }`,
            variables: { r: [{ __typename: 'Customer', id: c1 }] },
          },
          headers,
        )
      ).json().data._entities[0].invitations;
    expect(await invitationsAs(as.e1)).toEqual([{ id: ids.invitation, departmentId: d1 }]);
    expect(await invitationsAs(coordinator)).toEqual([{ id: ids.invitation, departmentId: d1 }]);
    expect(await invitationsAs(as.e2)).toEqual([]);
    expect(await invitationsAs(as.head3)).toEqual([]);
    expect(await invitationsAs(bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null))).toEqual([]);
  });

  it('names neither the meeting nor the department in a refusal', async () => {
    for (const res of [
      await get(`/api/v1/disputes/${ids.dispute}`, as.head3),
      await get(`/api/v1/invitations/${ids.invitation}`, as.e3),
      await get(`/api/v1/sales/${ids.sale}`, as.e3),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(ids.meeting);
      expect(res.body).not.toContain(d1);
    }
  });

  it('still serves the departments of the meeting and the company-wide roles', async () => {
    expect((await get(`${m()}/reconciliations`, as.head1)).statusCode).toBe(200);
    expect((await get(`/api/v1/invitations/${ids.invitation}`, as.e1)).statusCode).toBe(200);
    expect((await get(`/api/v1/invitations/${ids.invitation}`, coordinator)).statusCode).toBe(200);
    expect((await get(`/api/v1/disputes/${ids.dispute}`, as.head1)).statusCode).toBe(200);
    expect((await get(`${m()}/sales`, as.e2)).json().items).toEqual([]);
    expect((await get(`${m()}/sales`, coordinator)).json().items).toHaveLength(1);
    expect((await get(`${m()}/sheets`, coordinator)).json().items).toHaveLength(1);
  });
});
