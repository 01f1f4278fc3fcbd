import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCampaignsConfig } from '../config';

/**
 * The second round of the sheet rules against real PostgreSQL and Redis, with the clock moved: obligation days start
 * when the meeting is scheduled (J-3, J-7), supplementary sheets (J-3) with J-4 precedence kept, the sheets listed per
 * day, speakers reserved to their department (J-12), and staff of a department outside the meeting refused.
 */
describe('campaigns: supplementary sheets, speakers and the window of a meeting scheduled late', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const [d1, d2, d3] = [randomUUID(), randomUUID(), randomUUID()];
  const [head1, head2, head3, e1, e1b, e2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c2, c3, c4, c5, c6] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const as = {
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    head2: bearer(Role.DEPARTMENT_HEAD, head2, d2),
    head3: bearer(Role.DEPARTMENT_HEAD, head3, d3),
    e1: bearer(Role.EMPLOYEE, e1, d1),
    e1b: bearer(Role.EMPLOYEE, e1b, d1),
    e2: bearer(Role.EMPLOYEE, e2, d2),
  };
  let meeting: string;
  let scheduledAfterCutoff: string;
  const invitationOf: Record<string, string> = {};

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  const sweep = async () => (await post('/api/v1/admin/sweeps/sheet-cutoff', {})).json().result as { reconciled: { meetingId: string; day: string }[]; finesImposed: number };
  const daysOf = (result: { reconciled: { meetingId: string; day: string }[] }, meetingId: string) => result.reconciled.filter((r) => r.meetingId === meetingId).map((r) => r.day);
  const sheet = (body: object, headers: Record<string, string>) => post(`/api/v1/meetings/${meeting}/sheets`, body, headers);
  const codeOf = (res: { statusCode: number; json: () => { code?: string } }) => [res.statusCode, res.json().code];
  const invite = (customerId: string, headers: Record<string, string>) => post(`/api/v1/meetings/${meeting}/invitations`, { customerId }, headers);
  async function inviteAndConfirm(customerId: string, headers: Record<string, string>): Promise<void> {
    const invited = await invite(customerId, headers);
    expect(invited.statusCode).toBe(201);
    invitationOf[customerId] = invited.json().id;
    expect((await post(`/api/v1/invitations/${invited.json().id}/confirm`, {}, headers)).statusCode).toBe(200);
  }
  const fines = (meetingId: string) => sql(`SELECT department_id, to_char(day, 'YYYY-MM-DD') AS day, status FROM sheet_fines WHERE meeting_id = $1 ORDER BY day, department_id`, [meetingId]);
  const reportOf = async (day: string) => (await get(`/api/v1/meetings/${meeting}/reconciliations?day=${day}`, coordinator)).json().items[0].report;

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCampaignsConfig(env)), { name: 'campaigns' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'campaigns');
    const now = new Date().toISOString();
    for (const [id, code, headId] of [[d1, 'D1', head1], [d2, 'D2', head2], [d3, 'D3', head3]]) {
      await feed.publish('department.saved', { departmentId: id, name: code, code, headId, savedAt: now });
    }
    for (const [customerId, ownerId, departmentId] of [[c2, e1, d1], [c6, e1, d1], [c3, e2, d2], [c4, e2, d2], [c5, e2, d2]]) {
      await feed.publish('customer.registered', { customerId, ownerId, departmentId, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    }
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('fines nobody for the days before a meeting existed: scheduled two days ahead, its first cutoff fines that day only (J-3, J-7)', async () => {
    await at('2030-07-08T10:00:00+08:00');
    const planned = await post('/api/v1/meetings', { date: '2030-07-10', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] });
    expect(planned.statusCode).toBe(201);
    expect(planned.json().createdAt).toMatch(/^2030-07-08T02:00:0/); // scheduled by the service's clock
    meeting = planned.json().id;
    await at('2030-07-08T17:00:00+08:00');
    expect((await sheet({ departmentId: d1, customerIds: [] }, as.head1)).statusCode).toBe(201);
    await at('2030-07-08T18:30:00+08:00');
    scheduledAfterCutoff = (await post('/api/v1/meetings', { date: '2030-07-10', slot: 'AFTERNOON', venue: '礼堂', departmentIds: [d1, d2] })).json().id;

    await at('2030-07-08T18:31:00+08:00');
    const result = await sweep();
    expect(daysOf(result, meeting)).toEqual(['2030-07-08']);
    // Scheduled after 18:00: its first obligation day is tomorrow.
    expect(daysOf(result, scheduledAfterCutoff)).toEqual([]);
    expect(await fines(meeting)).toEqual([{ department_id: d2, day: '2030-07-08', status: 'MISSING' }]);
    expect(await fines(scheduledAfterCutoff)).toEqual([]);
    const imposed = await sql(`SELECT payload FROM outbox WHERE name = 'fine.imposed' AND payload->>'rule' = 'J-7'`);
    expect(imposed.map((e: { payload: { employeeId: string } }) => e.payload.employeeId)).toEqual([head2]);
  });

  it("reserves a sheet's speakers to its department: another may neither invite, confirm nor list them as its own speakers (J-12)", async () => {
    await at('2030-07-09T11:00:00+08:00');
    await inviteAndConfirm(c2, as.e1);
    await inviteAndConfirm(c3, as.e2);
    const c6ByD1 = await invite(c6, as.e1);
    expect(c6ByD1.statusCode).toBe(201);

    await at('2030-07-09T11:30:00+08:00');
    const withSpeakers = await sheet({ departmentId: d2, customerIds: [c3], plannedCustomerIds: [c2, c6], speakerCustomerIds: [c2, c6] }, as.head2);
    expect(withSpeakers.statusCode).toBe(201);
    expect(withSpeakers.json()).toMatchObject({ forDay: '2030-07-09', late: false, locked: [c3], speakers: [c2, c6] });

    const refusedInvite = await invite(c2, as.e1b);
    expect(codeOf(refusedInvite)).toEqual([409, 'SPEAKER_RESERVED_BY_OTHER_DEPARTMENT']);
    expect(refusedInvite.json().holderDepartmentId).toBe(d2);
    const refusedConfirm = await post(`/api/v1/invitations/${c6ByD1.json().id}/confirm`, {}, as.e1);
    expect(codeOf(refusedConfirm)).toEqual([409, 'SPEAKER_RESERVED_BY_OTHER_DEPARTMENT']);
    expect(refusedConfirm.json().holderDepartmentId).toBe(d2);

    await at('2030-07-09T12:00:00+08:00');
    const before = await sql('SELECT count(*)::int AS n FROM sheets WHERE meeting_id = $1', [meeting]);
    const rival = await sheet({ departmentId: d1, customerIds: [c2], speakerCustomerIds: [c2] }, as.head1);
    expect(codeOf(rival)).toEqual([409, 'SPEAKER_RESERVED_BY_OTHER_DEPARTMENT']);
    expect(rival.json()).toMatchObject({ customerId: c2, holderDepartmentId: d2 });
    expect(await sql('SELECT count(*)::int AS n FROM sheets WHERE meeting_id = $1', [meeting])).toEqual(before);
    // Listed without the speaker claim, the customer is reported as held by the speaker's department, not locked.
    const listed = await sheet({ departmentId: d1, customerIds: [c2] }, as.head1);
    expect(listed.json()).toMatchObject({ late: false, locked: [], heldByOthers: [{ customerId: c2, holderDepartmentId: d2 }], speakers: [] });
    expect(await sql('SELECT department_id FROM speaker_reservations WHERE meeting_id = $1 ORDER BY customer_id', [meeting])).toEqual([{ department_id: d2 }, { department_id: d2 }]);
  });

  it("takes a supplementary sheet after 18:00 as a late one of the day, never in the place of the next day's own sheet (J-3, J-7)", async () => {
    await inviteAndConfirm(c4, as.e1);
    await at('2030-07-09T19:00:00+08:00');
    await inviteAndConfirm(c4, as.e2);
    const supplement = await sheet({ departmentId: d2, customerIds: [c4] }, as.head2);
    expect(supplement.statusCode).toBe(201);
    expect(supplement.json()).toMatchObject({ forDay: '2030-07-09', effectiveDay: '2030-07-10', late: true, locked: [], pending: [c4] });

    await at('2030-07-09T19:30:00+08:00');
    const result = await sweep();
    expect(daysOf(result, meeting)).toEqual(['2030-07-09']);
    expect(daysOf(result, scheduledAfterCutoff)).toEqual(['2030-07-09']);
    // An on-time sheet exists for both departments' 07-09: nobody is fined for it, the late supplement notwithstanding.
    expect((await fines(meeting)).filter((f: { day: string }) => f.day === '2030-07-09')).toEqual([]);
    const report = await reportOf('2030-07-09');
    expect(report).toMatchObject({ late: [], missing: [] });
    expect(report.sheets.map((s: { departmentId: string; late: boolean; forDay: string }) => [s.departmentId, s.late, s.forDay])).toEqual([
      [d2, false, '2030-07-09'],
      [d1, false, '2030-07-09'],
      [d2, true, '2030-07-09'],
    ]);
    expect(report.duplicates.lostAtSubmission).toEqual([expect.objectContaining({ customerId: c2, departmentId: d1, reason: 'RESERVED_AS_SPEAKER' })]);

    // The next morning: 一部's on-time sheet beats 二部's late supplement for c4 (J-4), and 二部's own sheet of the day is taken.
    await at('2030-07-10T08:00:00+08:00');
    expect((await sheet({ departmentId: d1, customerIds: [c4] }, as.head1)).json()).toMatchObject({ forDay: '2030-07-10', late: false, locked: [c4] });
    await at('2030-07-10T09:00:00+08:00');
    await inviteAndConfirm(c5, as.e2);
    const ownSheet = await sheet({ departmentId: d2, customerIds: [c5, c4] }, as.head2);
    expect(ownSheet.statusCode).toBe(201);
    expect(ownSheet.json()).toMatchObject({ forDay: '2030-07-10', effectiveDay: '2030-07-10', late: false, locked: [c5], heldByOthers: [{ customerId: c4, holderDepartmentId: d1 }] });

    await at('2030-07-10T10:01:00+08:00');
    const last = await sweep();
    expect(daysOf(last, meeting)).toEqual(['2030-07-10']);
    expect((await fines(meeting)).filter((f: { day: string }) => f.day === '2030-07-10')).toEqual([]);
    const meetingDay = await reportOf('2030-07-10');
    expect(meetingDay.duplicates.settled).toEqual([
      { customerId: c4, holderDepartmentId: d1, losers: [expect.objectContaining({ departmentId: d2, reason: 'ON_TIME_BEATS_LATE' })] },
    ]);
    // The day's report shows the late supplement of the evening before too: its customers counted for this day.
    expect(meetingDay.sheets.map((s: { departmentId: string; forDay: string; late: boolean }) => [s.departmentId, s.forDay, s.late])).toEqual([
      [d2, '2030-07-09', true],
      [d1, '2030-07-10', false],
      [d2, '2030-07-10', false],
    ]);
    expect(await sql('SELECT department_id FROM meeting_locks WHERE meeting_id = $1 AND customer_id = $2', [meeting, c4])).toEqual([{ department_id: d1 }]);
  });

  it("lists a day's sheets: staff see their own department's, the coordinator every one, a department outside the meeting nothing", async () => {
    const list = async (headers: Record<string, string>, query = '?day=2030-07-09') => get(`/api/v1/meetings/${meeting}/sheets${query}`, headers);
    const ofD2 = (await list(as.head2)).json();
    expect(ofD2.nextCursor).toBeNull();
    expect(ofD2.items.map((s: { departmentId: string; late: boolean }) => [s.departmentId, s.late])).toEqual([[d2, false], [d2, true]]);
    expect(ofD2.items[0]).toEqual({
      id: expect.any(String),
      meetingId: meeting,
      departmentId: d2,
      submittedBy: head2,
      submittedAt: expect.stringMatching(/^2030-07-09T03:30:0/),
      forDay: '2030-07-09',
      effectiveDay: '2030-07-09',
      late: false,
      customerIds: [c3],
      plannedCustomerIds: [c2, c6],
      speakerCustomerIds: [c2, c6],
    });
    expect((await list(as.e1)).json().items.map((s: { departmentId: string }) => s.departmentId)).toEqual([d1]);
    expect((await list(coordinator)).json().items).toHaveLength(3);
    expect((await list(coordinator, '?day=2030-07-10')).json().items).toHaveLength(2);
    expect((await list(coordinator, '')).json().items).toHaveLength(6);
    expect(codeOf(await list(as.head1, `?day=2030-07-09&departmentId=${d2}`))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(codeOf(await list(as.head3))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(codeOf(await list(coordinator, '?day=07-09'))).toEqual([400, 'INVALID_DAY']);
    expect(codeOf(await get(`/api/v1/meetings/${randomUUID()}/sheets`, coordinator))).toEqual([404, 'MEETING_NOT_FOUND']);
  });

  it('shows the reconciliation to the departments of the meeting only (the head of another department learns nothing)', async () => {
    expect((await get(`/api/v1/meetings/${meeting}/reconciliations`, as.head1)).statusCode).toBe(200);
    const outsider = await get(`/api/v1/meetings/${meeting}/reconciliations`, as.head3);
    expect(codeOf(outsider)).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(outsider.json().items).toBeUndefined();
  });
});
