import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/**
 * J-3..J-8 with the clock moved, against real PostgreSQL and Redis: the window, the 18:00 cutoff, locks,
 * late claims settled by precedence at reconciliation, fines once per department and day.
 */
describe('campaigns: daily sheets of a joint meeting', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const [d1, d2, d3] = [randomUUID(), randomUUID(), randomUUID()];
  const [head1, head2, head3, e1, e2, e3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c1, c2, c3, c5] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const as = {
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    head2: bearer(Role.DEPARTMENT_HEAD, head2, d2),
    head3: bearer(Role.DEPARTMENT_HEAD, head3, d3),
    e1: bearer(Role.EMPLOYEE, e1, d1),
    e2: bearer(Role.EMPLOYEE, e2, d2),
    e3: bearer(Role.EMPLOYEE, e3, d3),
  };
  let meeting: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const sweep = async () => (await post('/api/v1/admin/sweeps/sheet-cutoff', {})).json();
  const sheet = (departmentId: string, customerIds: string[], headers: Record<string, string>, plannedCustomerIds: string[] = []) =>
    post(`/api/v1/meetings/${meeting}/sheets`, { departmentId, customerIds, plannedCustomerIds }, headers);
  async function confirm(meetingId: string, customerId: string, headers: Record<string, string>) {
    const invitation = await post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, headers);
    expect(invitation.statusCode).toBe(201);
    expect((await post(`/api/v1/invitations/${invitation.json().id}/confirm`, {}, headers)).statusCode).toBe(200);
  }
  const fines = (departmentId: string) => sql(`SELECT to_char(day, 'YYYY-MM-DD') AS day, status FROM sheet_fines WHERE meeting_id = $1 AND department_id = $2 ORDER BY day`, [meeting, departmentId]);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    await feed.publish('department.saved', { departmentId: d1, name: '一部', code: 'D1', headId: head1, savedAt: now });
    await feed.publish('department.saved', { departmentId: d2, name: '二部', code: 'D2', headId: null, savedAt: now });
    await feed.publish('department.saved', { departmentId: d3, name: '三部', code: 'D3', headId: head3, savedAt: now });
    for (const [customerId, ownerId, departmentId] of [[c1, e1, d1], [c2, e1, d1], [c3, e2, d2], [c5, e1, d1]]) {
      await feed.publish('customer.registered', { customerId, ownerId, departmentId, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
    await at('2030-07-01T12:00:00+08:00');
    meeting = (await post('/api/v1/meetings', { date: '2030-07-10', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] })).json().id;
    await confirm(meeting, c1, as.e1);
    await confirm(meeting, c2, as.e1);
    await confirm(meeting, c1, as.e2);
    await confirm(meeting, c3, as.e2);
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('takes no sheet before the window opens (J-3)', async () => {
    await at('2030-07-02T23:59:59+08:00');
    const res = await sheet(d2, [c1], as.head2);
    expect([res.statusCode, res.json().code]).toEqual([422, 'SHEET_WINDOW_NOT_OPEN']);
  });

  it('locks the customers of an on-time sheet at once: 17:59:59 is on time (J-3, J-4)', async () => {
    await at('2030-07-03T17:59:59+08:00');
    const res = await sheet(d2, [c1, c3], as.head2);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ forDay: '2030-07-03', effectiveDay: '2030-07-03', late: false, locked: [c1, c3], heldByOthers: [], pending: [] });
    const refused = await post(`/api/v1/meetings/${meeting}/invitations`, { customerId: c3 }, bearer(Role.EMPLOYEE, randomUUID(), d1));
    expect([refused.statusCode, refused.json().code, refused.json().holderDepartmentId]).toEqual([409, 'INVITATION_LOCKED_BY_OTHER_DEPARTMENT', d2]);
  });

  it.each([
    ['planned invitations from the first department', () => sheet(d1, [], as.head1, [c3]), 422, 'PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT'],
    ['a department outside the meeting', () => sheet(d3, [], as.head3), 422, 'DEPARTMENT_NOT_IN_MEETING'],
    ['another department\'s sheet from a head', () => sheet(d2, [], as.head1), 403, 'FORBIDDEN'],
    ['customers the department never confirmed', () => sheet(d1, [c3], as.head1), 422, 'SHEET_LISTS_UNCONFIRMED'],
    ['a speaker the sheet does not list', () => post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: d2, customerIds: [c3], speakerCustomerIds: [c1] }, as.head2), 422, 'SPEAKER_NOT_ON_SHEET'],
    ['an unknown meeting', () => post(`/api/v1/meetings/${randomUUID()}/sheets`, { departmentId: d1, customerIds: [] }, as.head1), 404, 'MEETING_NOT_FOUND'],
    ['a customer id that is not one', () => sheet(d1, ['c1'], as.head1), 400, 'VALIDATION_FAILED'],
  ])('refuses %s and stores nothing', async (_what, send, status, code) => {
    const before = await sql('SELECT count(*)::int AS n FROM sheets');
    const res = await send();
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(await sql('SELECT count(*)::int AS n FROM sheets')).toEqual(before);
  });

  it('counts a sheet handed in at 18:00 for the next day, as a late claim (J-3, J-4)', async () => {
    await at('2030-07-03T18:00:00+08:00');
    const res = await sheet(d1, [c1, c2], as.head1);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ forDay: '2030-07-03', effectiveDay: '2030-07-04', late: true, locked: [], pending: [c1, c2] });
  });

  it('reconciles the day once: the late sheet fined on its head, however often the sweep runs (J-7, J-8)', async () => {
    await at('2030-07-03T18:01:00+08:00');
    const first = await sweep();
    expect(first.result).toMatchObject({ reconciled: [{ meetingId: meeting, day: '2030-07-03' }], finesImposed: 1 });
    expect((await sweep()).result).toMatchObject({ reconciled: [], finesImposed: 0 });
    expect(await fines(d1)).toEqual([{ day: '2030-07-03', status: 'LATE' }]);
    const events = await sql(`SELECT payload FROM outbox WHERE name = 'fine.imposed'`);
    expect(events.map((e: { payload: object }) => e.payload)).toEqual([expect.objectContaining({ employeeId: head1, departmentId: d1, amountFen: 1000, rule: 'J-7' })]);
  });

  it('settles late claims at their effective day: an on-time sheet beats a late one, the earlier day beats both (J-4, J-5)', async () => {
    await at('2030-07-04T16:00:00+08:00');
    await confirm(meeting, c2, as.e2); // c2 is only claimed by d1's late sheet, so d2 may still confirm it
    await at('2030-07-04T17:00:00+08:00');
    expect((await sheet(d2, [c2], as.head2)).json()).toMatchObject({ late: false, locked: [c2] });
    expect((await sheet(d1, [], as.head1)).statusCode).toBe(201);
    await at('2030-07-04T18:00:30+08:00');
    expect((await sweep()).result).toMatchObject({ reconciled: [{ day: '2030-07-04' }], finesImposed: 0 });
    const holders = await sql('SELECT customer_id, department_id FROM meeting_locks WHERE meeting_id = $1', [meeting]);
    expect(Object.fromEntries(holders.map((h: { customer_id: string; department_id: string }) => [h.customer_id, h.department_id]))).toEqual({ [c1]: d2, [c2]: d2, [c3]: d2 });
    const [report] = (await svc.inject({ method: 'GET', url: `/api/v1/meetings/${meeting}/reconciliations?day=2030-07-04`, headers: as.head1 })).json().items;
    const settled = report.report.duplicates.settled as { customerId: string; holderDepartmentId: string; losers: { departmentId: string; reason: string }[] }[];
    expect(settled.find((s) => s.customerId === c1)).toMatchObject({ holderDepartmentId: d2, losers: [{ departmentId: d1, reason: 'LOCKED_EARLIER' }] });
    expect(settled.find((s) => s.customerId === c2)).toMatchObject({ holderDepartmentId: d2, losers: [{ departmentId: d1, reason: 'ON_TIME_BEATS_LATE' }] });
  });

  it('closes the meeting at 10:00 on the day and fines every missing sheet of the window, once (J-6, J-7)', async () => {
    await at('2030-07-10T10:00:00+08:00');
    const late = await sheet(d1, [], as.head1);
    expect([late.statusCode, late.json().code]).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    await at('2030-07-10T10:01:00+08:00');
    const result = (await sweep()).result;
    expect(result.reconciled.map((r: { day: string }) => r.day)).toEqual(['2030-07-05', '2030-07-06', '2030-07-07', '2030-07-08', '2030-07-09', '2030-07-10']);
    expect(result.finesImposed).toBe(6); // d1's six missing days; d2 has no head to fine
    expect((await sweep()).result.finesImposed).toBe(0);
    expect((await fines(d1)).map((f: { status: string }) => f.status)).toEqual(['LATE', 'MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING']);
    expect(await fines(d2)).toHaveLength(6);
    expect(await sql(`SELECT count(*)::int AS n FROM outbox WHERE name = 'fine.imposed'`)).toEqual([{ n: 7 }]);
  });

  it('catches up on days a stopped sweep missed, long after the meeting (J-8), from the day the meeting was scheduled (J-3, J-7)', async () => {
    await at('2031-01-01T09:00:00+08:00');
    const missed = (await post('/api/v1/meetings', { date: '2031-01-05', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d3] })).json().id;
    await at('2031-01-20T09:00:00+08:00');
    const result = (await sweep()).result;
    // Scheduled on 01-01 at 09:00: its obligation days are 01-01 … 01-05, not the 8-day window from 12-29.
    expect(result.reconciled.filter((r: { meetingId: string }) => r.meetingId === missed).map((r: { day: string }) => r.day)).toEqual(['2031-01-01', '2031-01-02', '2031-01-03', '2031-01-04', '2031-01-05']);
    expect(await sql('SELECT count(*)::int AS n FROM sheet_fines WHERE meeting_id = $1', [missed])).toEqual([{ n: 10 }]);
    expect((await sweep()).result.reconciled).toEqual([]);
  });

  it('takes sheets through the graph too, refusing bad ids with a code rather than a crash', async () => {
    const gql = (query: string, variables: object) => post('/graphql', { query, variables }, as.head1);
    const m = `mutation($m: ID!, $i: SubmitSheetInput!) { submitSheet(meetingId: $m, input: $i) { id late effectiveDay } }`;
    const closed = await gql(m, { m: meeting, i: { departmentId: d1, customerIds: [] } });
    expect(closed.json().errors[0].extensions.code).toBe('MEETING_CONFIRMATIONS_CLOSED');
    const badMeeting = await gql(m, { m: 'nope', i: { departmentId: d1, customerIds: [] } });
    expect(badMeeting.json().errors[0].extensions.code).toBe('MEETING_NOT_FOUND');
    const badCustomer = await gql(m, { m: meeting, i: { departmentId: d1, customerIds: ['x'] } });
    expect(badCustomer.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
    const badInvite = await post('/graphql', { query: `mutation { inviteCustomer(meetingId: "x", customerId: "y") { id } confirmInvitation(id: "z") { id } }` }, as.e1);
    expect(badInvite.json().errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['MEETING_NOT_FOUND']);
  });

  it('keeps exactly one holder when 50 sheets and confirmations for one customer race from three departments', async () => {
    await at('2030-08-01T12:00:00+08:00');
    const race = (await post('/api/v1/meetings', { date: '2030-08-08', slot: 'EVENING', venue: '礼堂', departmentIds: [d1, d2, d3] })).json().id;
    const invitations: Record<string, string> = {};
    for (const [dept, who] of [[d1, as.e1], [d2, as.e2], [d3, as.e3]] as const) {
      invitations[dept] = (await post(`/api/v1/meetings/${race}/invitations`, { customerId: c5 }, who)).json().id;
    }
    await at('2030-08-03T12:00:00+08:00');
    const heads = [[d1, as.head1], [d2, as.head2], [d3, as.head3]] as const;
    const employees = [[d1, as.e1], [d2, as.e2], [d3, as.e3]] as const;
    // Confirm first so every department may list the customer, then race sheets and confirmations together.
    for (const [dept, who] of employees) expect((await post(`/api/v1/invitations/${invitations[dept]}/confirm`, {}, who)).statusCode).toBe(200);
    const requests = Array.from({ length: 50 }, (_, i) => {
      if (i % 2 === 0) {
        const [dept, who] = heads[i % 3];
        return post(`/api/v1/meetings/${race}/sheets`, { departmentId: dept, customerIds: [c5], plannedCustomerIds: [] }, who);
      }
      const [dept, who] = employees[i % 3];
      return post(`/api/v1/invitations/${invitations[dept]}/confirm`, {}, who);
    });
    const answers = await Promise.all(requests);
    expect(answers.every((a) => [200, 201, 409].includes(a.statusCode))).toBe(true);
    const sheetsHandedIn = answers.filter((a, i) => i % 2 === 0 && a.statusCode === 201).length;
    const locks = await sql('SELECT department_id FROM meeting_locks WHERE meeting_id = $1 AND customer_id = $2', [race, c5]);
    expect(locks).toHaveLength(1);
    // Supplementary sheets (J-3): the holder's every sheet lists the customer as LOCKED, and only the holder's.
    const winners = await sql(`SELECT DISTINCT department_id FROM sheet_claims WHERE meeting_id = $1 AND customer_id = $2 AND outcome = 'LOCKED'`, [race, c5]);
    expect(winners).toEqual(locks);
    // Supplementary sheets (J-3): every sheet handed in is kept, however many a department sends in a day.
    expect(sheetsHandedIn).toBe(25);
    expect(await sql('SELECT count(*)::int AS n FROM sheets WHERE meeting_id = $1', [race])).toEqual([{ n: sheetsHandedIn }]);
  });
});
