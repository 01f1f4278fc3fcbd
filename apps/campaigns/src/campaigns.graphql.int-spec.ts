import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from './app.module';
import { loadCampaignsConfig } from './config';

type Headers = Record<string, string>;
type GqlAnswer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/**
 * Issue 14: the GraphQL twins of campaigns' REST operations (tests/api/parity/campaigns.ts) call the same service
 * with the same policy: each answers what REST answers, and refuses with REST's code in `extensions.code`.
 */
describe('campaigns: GraphQL twins of the REST operations', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const coordinator = bearer(Role.COORDINATOR, randomUUID(), null);
  const [d1, d2, d3] = [randomUUID(), randomUUID(), randomUUID()];
  const [head1, head3, e1, e1b, e2, e3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [c1, c2] = [randomUUID(), randomUUID()];
  const as = {
    head1: bearer(Role.DEPARTMENT_HEAD, head1, d1),
    head3: bearer(Role.DEPARTMENT_HEAD, head3, d3),
    e1: bearer(Role.EMPLOYEE, e1, d1),
    e1b: bearer(Role.EMPLOYEE, e1b, d1),
    e3: bearer(Role.EMPLOYEE, e3, d3),
  };
  let meeting: string;
  let laterMeeting: string;

  const rest = (method: 'GET' | 'POST', url: string, headers: Headers = admin, payload?: unknown) => svc.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const gql = async (query: string, variables: object, headers: Headers = admin): Promise<GqlAnswer> =>
    (await svc.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } })).json();
  const at = (now: string) => svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now }, headers: admin });
  /** The field of an answer without errors (the errors are the failure message otherwise). */
  const ok = (a: GqlAnswer, field: string) => {
    expect(a.errors).toBeUndefined();
    return a.data![field];
  };
  const codeOf = (a: GqlAnswer) => a.errors?.[0]?.extensions?.code;
  /** The GraphQL refusal carries the code REST answers for the same call (one after the other: neither may change anything). */
  const refusedAlike = async (graphql: () => Promise<GqlAnswer>, restCall: () => Promise<{ statusCode: number; json: () => { code?: string } }>) => {
    const g = await graphql();
    const r = await restCall();
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(codeOf(g)).toBe(r.json().code);
    return codeOf(g);
  };

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
      [e1b, d1],
      [e2, d2],
      [e3, d3],
    ])
      await feed.publish('employee.saved', { employeeId: id, name: 'x', role: 'EMPLOYEE', departmentId: dept, savedAt: now });
    for (const [customerId, ownerId] of [
      [c1, e1],
      [c2, e1b],
    ])
      await feed.publish('customer.registered', { customerId, ownerId, departmentId: d1, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: 'POTENTIAL', registeredAt: now });
    await at('2030-12-01T09:00:00+08:00');
  });

  afterAll(async () => {
    await svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: admin });
    await feed?.close();
    await svc?.close();
  });

  it('scheduleMeeting plans a meeting as POST /meetings; a head of another department is refused alike', async () => {
    const schedule = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id date slot venue departmentIds joint } }`;
    const planned = await gql(schedule, { i: { date: '2030-12-05', slot: 'AFTERNOON', venue: '大厅', departmentIds: [d1, d2] } }, coordinator);
    expect(planned.errors).toBeUndefined();
    expect(ok(planned, 'scheduleMeeting')).toMatchObject({ date: '2030-12-05', slot: 'AFTERNOON', departmentIds: [d1, d2], joint: true });
    meeting = ok(planned, 'scheduleMeeting').id;
    laterMeeting = ok(await gql(schedule, { i: { date: '2030-12-08', slot: 'EVENING', venue: '大厅', departmentIds: [d1] } }, as.head1), 'scheduleMeeting').id;
    expect((await rest('GET', `/api/v1/meetings/${meeting}`)).json()).toMatchObject({ id: meeting, venue: '大厅' });

    const body = { date: '2030-12-09', slot: 'EVENING', venue: '外人', departmentIds: [d1] };
    expect(await refusedAlike(() => gql(schedule, { i: body }, as.head3), () => rest('POST', '/api/v1/meetings', as.head3, body))).toEqual(expect.any(String));
  });

  it('meetingsConnection pages as GET /meetings (first/after as limit/cursor)', async () => {
    const q = `query($d: ID, $after: String) { meetingsConnection(departmentId: $d, first: 1, after: $after) { edges { cursor node { id date } } pageInfo { hasNextPage endCursor } } }`;
    const first = ok(await gql(q, { d: d1 }, as.e1), 'meetingsConnection');
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([meeting]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[0].cursor });
    const second = ok(await gql(q, { d: d1, after: first.pageInfo.endCursor }, as.e1), 'meetingsConnection');
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([laterMeeting]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const listed = (await rest('GET', `/api/v1/meetings?departmentId=${d1}`, as.e1)).json().items.map((m: { id: string }) => m.id);
    expect(listed).toEqual([meeting, laterMeeting]);

    expect(await refusedAlike(() => gql(q, { d: d1, after: 'not-a-cursor' }, as.e1), () => rest('GET', `/api/v1/meetings?departmentId=${d1}&cursor=not-a-cursor`, as.e1))).toBe('INVALID_CURSOR');
  });

  it('recordOutreachEvent and outreachEvent answer as REST; another department is refused alike', async () => {
    const record = `mutation($i: RecordOutreachEventInput!) { recordOutreachEvent(input: $i) { id departmentId date participantIds recordedBy } }`;
    const recorded = await gql(record, { i: { departmentId: d1, date: '2030-11-30', participantIds: [e1, e1b] } }, as.head1);
    expect(recorded.errors).toBeUndefined();
    expect(ok(recorded, 'recordOutreachEvent')).toMatchObject({ departmentId: d1, participantIds: [e1, e1b], recordedBy: head1 });
    const id = ok(recorded, 'recordOutreachEvent').id;
    const read = await gql(`query($id: ID!) { outreachEvent(id: $id) { id date participantIds } }`, { id }, as.e3);
    expect(ok(read, 'outreachEvent')).toEqual({ id, date: '2030-11-30', participantIds: [e1, e1b] });
    expect(ok(read, 'outreachEvent')).toMatchObject((({ id: i, date, participantIds }) => ({ id: i, date, participantIds }))((await rest('GET', `/api/v1/outreach-events/${id}`, as.e3)).json()));

    const body = { departmentId: d1, date: '2030-11-30', participantIds: [e1] };
    await refusedAlike(() => gql(record, { i: body }, as.head3), () => rest('POST', '/api/v1/outreach-events', as.head3, body));
    const unknown = randomUUID();
    await refusedAlike(() => gql(`query($id: ID!) { outreachEvent(id: $id) { id } }`, { id: unknown }), () => rest('GET', `/api/v1/outreach-events/${unknown}`));
  });

  it('invitation and meetingInvitations answer the department, and refuse an outsider alike', async () => {
    await at('2030-12-05T09:00:00+08:00');
    const invitation = (await rest('POST', `/api/v1/meetings/${meeting}/invitations`, as.e1, { customerId: c1 })).json().id;
    expect((await rest('POST', `/api/v1/invitations/${invitation}/confirm`, as.e1, {})).statusCode).toBe(200);
    const invitation2 = (await rest('POST', `/api/v1/meetings/${meeting}/invitations`, as.e1, { customerId: c2 })).json().id;
    expect((await rest('POST', `/api/v1/invitations/${invitation2}/confirm`, as.e1, {})).statusCode).toBe(200);

    const one = await gql(`query($id: ID!) { invitation(id: $id) { id customerId status } }`, { id: invitation }, as.e1);
    expect(ok(one, 'invitation')).toEqual({ id: invitation, customerId: c1, status: 'CONFIRMED' });
    const list = `query($m: ID!, $after: String) { meetingInvitations(meetingId: $m, first: 1, after: $after) { edges { cursor node { id customerId } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = ok(await gql(list, { m: meeting }, as.e1), 'meetingInvitations');
    const page2 = ok(await gql(list, { m: meeting, after: page1.pageInfo.endCursor }, as.e1), 'meetingInvitations');
    const viaGraph = [...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(viaGraph).toEqual((await rest('GET', `/api/v1/meetings/${meeting}/invitations`, as.e1)).json().items.map((i: { id: string }) => i.id));

    await refusedAlike(() => gql(`query($id: ID!) { invitation(id: $id) { id } }`, { id: invitation }, as.e3), () => rest('GET', `/api/v1/invitations/${invitation}`, as.e3));
    await refusedAlike(() => gql(list, { m: meeting }, as.e3), () => rest('GET', `/api/v1/meetings/${meeting}/invitations`, as.e3));
  });

  it('meetingSheets and meetingReconciliations answer as REST; a head outside the meeting is refused alike', async () => {
    expect((await rest('POST', `/api/v1/meetings/${meeting}/sheets`, as.head1, { departmentId: d1, customerIds: [c1] })).statusCode).toBe(201);
    const sheets = await gql(`query($m: ID!) { meetingSheets(meetingId: $m) { edges { cursor node { id departmentId customerIds late } } pageInfo { hasNextPage endCursor } } }`, { m: meeting }, as.head1);
    expect(ok(sheets, 'meetingSheets').edges.map((e: { node: object }) => e.node)).toEqual(
      (await rest('GET', `/api/v1/meetings/${meeting}/sheets`, as.head1)).json().items.map(({ id, departmentId, customerIds, late }: Record<string, unknown>) => ({ id, departmentId, customerIds, late })),
    );
    expect(ok(sheets, 'meetingSheets').edges).toHaveLength(1);
    expect(ok(sheets, 'meetingSheets').pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const recs = await gql(`query($m: ID!) { meetingReconciliations(meetingId: $m, day: "2030-12-05") { edges { node { day report } } } }`, { m: meeting }, as.head1);
    expect(recs.errors).toBeUndefined();
    expect(ok(recs, 'meetingReconciliations').edges).toEqual((await rest('GET', `/api/v1/meetings/${meeting}/reconciliations?day=2030-12-05`, as.head1)).json().items);

    await refusedAlike(() => gql(`query($m: ID!) { meetingSheets(meetingId: $m) { edges { cursor } } }`, { m: meeting }, as.head3), () => rest('GET', `/api/v1/meetings/${meeting}/sheets`, as.head3));
    await refusedAlike(() => gql(`query($m: ID!) { meetingReconciliations(meetingId: $m) { edges { cursor } } }`, { m: meeting }, as.head3), () => rest('GET', `/api/v1/meetings/${meeting}/reconciliations`, as.head3));
  });

  it('pitches: grantPitchConsent, startPitch and endPitch as REST; an outsider is refused alike', async () => {
    for (const c of [c1, c2]) expect((await rest('POST', `/api/v1/meetings/${meeting}/check-ins`, as.e1, { customerId: c })).statusCode).toBe(201);
    const consent = await gql(`mutation($m: ID!, $i: GrantPitchConsentInput!) { grantPitchConsent(meetingId: $m, input: $i) { customerId assistantId grantedBy } }`, { m: meeting, i: { customerId: c2, employeeId: e1b } }, as.e1);
    expect(ok(consent, 'grantPitchConsent')).toEqual({ customerId: c2, assistantId: e1b, grantedBy: e1 });
    const start = `mutation($m: ID!, $c: ID!) { startPitch(meetingId: $m, input: { customerId: $c }) { id role endedAt } }`;
    const started = await gql(start, { m: meeting, c: c2 }, as.e1b);
    expect(ok(started, 'startPitch')).toMatchObject({ role: 'ASSISTANT', endedAt: null });
    await refusedAlike(() => gql(start, { m: meeting, c: c2 }, as.e1), () => rest('POST', `/api/v1/meetings/${meeting}/pitches`, as.e1, { customerId: c2 }));
    const end = `mutation($id: ID!) { endPitch(id: $id) { id endedAt } }`;
    await refusedAlike(() => gql(end, { id: ok(started, 'startPitch').id }, as.e3), () => rest('POST', `/api/v1/pitches/${ok(started, 'startPitch').id}/end`, as.e3, {}));
    const ended = await gql(end, { id: ok(started, 'startPitch').id }, as.e1b);
    expect(ok(ended, 'endPitch').endedAt).toEqual(expect.any(String));
    await refusedAlike(
      () => gql(`mutation($m: ID!) { grantPitchConsent(meetingId: $m, input: { customerId: "${c1}", employeeId: "${e3}" }) { grantedAt } }`, { m: meeting }, as.e3),
      () => rest('POST', `/api/v1/meetings/${meeting}/pitch-consents`, as.e3, { customerId: c1, employeeId: e3 }),
    );
  });

  it('sale and meetingSales answer the credited department, and refuse an outsider alike', async () => {
    const sold = await gql(`mutation($m: ID!) { recordSale(meetingId: $m, input: { customerId: "${c1}", amountFen: 12000 }) { id soldAt invitationId } }`, { m: meeting }, as.e1);
    expect(sold.errors).toBeUndefined();
    const id = ok(sold, 'recordSale').id;
    const one = await gql(`query($id: ID!) { sale(id: $id) { id amountFen refundedFen creditedEmployeeId soldAt } }`, { id }, as.e1);
    const restSale = (await rest('GET', `/api/v1/sales/${id}`, as.e1)).json();
    expect(ok(one, 'sale')).toEqual({ id, amountFen: 12000, refundedFen: 0, creditedEmployeeId: e1, soldAt: restSale.soldAt });
    const list = await gql(`query($m: ID!) { meetingSales(meetingId: $m) { edges { node { id } } pageInfo { hasNextPage } } }`, { m: meeting }, as.e1);
    expect(ok(list, 'meetingSales')).toEqual({ edges: [{ node: { id } }], pageInfo: { hasNextPage: false } });

    await refusedAlike(() => gql(`query($id: ID!) { sale(id: $id) { id } }`, { id }, as.e3), () => rest('GET', `/api/v1/sales/${id}`, as.e3));
    await refusedAlike(() => gql(`query($m: ID!) { meetingSales(meetingId: $m) { edges { cursor } } }`, { m: meeting }, as.e3), () => rest('GET', `/api/v1/meetings/${meeting}/sales`, as.e3));
  });

  it('raiseDispute, ruleOnDispute and dispute as REST; a head outside the meeting is refused alike', async () => {
    const raised = await gql(
      `mutation($m: ID!, $i: RaiseDisputeInput!) { raiseDispute(meetingId: $m, input: $i) { id status partyEmployeeIds customerId } }`,
      { m: meeting, i: { partyEmployeeIds: [e1, e2], customerId: c1, description: '争议', arguedInFrontOfCustomers: false } },
      coordinator,
    );
    expect(ok(raised, 'raiseDispute')).toMatchObject({ status: 'OPEN', partyEmployeeIds: [e1, e2], customerId: c1 });
    const id = ok(raised, 'raiseDispute').id;
    const read = await gql(`query($id: ID!) { dispute(id: $id) { id status description } }`, { id }, as.head1);
    expect(ok(read, 'dispute')).toEqual({ id, status: 'OPEN', description: '争议' });
    await refusedAlike(() => gql(`query($id: ID!) { dispute(id: $id) { id } }`, { id }, as.head3), () => rest('GET', `/api/v1/disputes/${id}`, as.head3));

    const rule = `mutation($id: ID!, $i: RuleOnDisputeInput!) { ruleOnDispute(id: $id, input: $i) { id status ruling } }`;
    await at('2030-12-05T21:30:00+08:00');
    await refusedAlike(() => gql(rule, { id, i: { outcome: 'RULED', ruling: 'x' } }, as.head3), () => rest('POST', `/api/v1/disputes/${id}/ruling`, as.head3, { outcome: 'RULED', ruling: 'x' }));
    const escalated = await gql(rule, { id, i: { outcome: 'ESCALATED', ruling: '协调助理无法判定' } }, coordinator);
    expect(ok(escalated, 'ruleOnDispute')).toEqual({ id, status: 'ESCALATED', ruling: '协调助理无法判定' });
  });

  it('refuses a malformed id or page size with the code REST answers, never a server error', async () => {
    const codes = [
      await refusedAlike(() => gql(`query($id: ID!) { sale(id: $id) { id } }`, { id: 'nope' }), () => rest('GET', '/api/v1/sales/nope')),
      await refusedAlike(() => gql(`query($id: ID!) { dispute(id: $id) { id } }`, { id: 'nope' }), () => rest('GET', '/api/v1/disputes/nope')),
      await refusedAlike(() => gql(`query($m: ID!) { meetingSales(meetingId: $m, first: 0) { edges { cursor } } }`, { m: meeting }), () => rest('GET', `/api/v1/meetings/${meeting}/sales?limit=0`)),
      await refusedAlike(() => gql(`{ meetingsConnection(first: 201) { edges { cursor } } }`, {}), () => rest('GET', '/api/v1/meetings?limit=201')),
      await refusedAlike(() => gql(`query($m: ID!) { meetingSales(meetingId: $m, departmentId: "nope") { edges { cursor } } }`, { m: meeting }), () => rest('GET', `/api/v1/meetings/${meeting}/sales?departmentId=nope`)),
      await refusedAlike(() => gql(`{ meetingsConnection(from: "soon") { edges { cursor } } }`, {}), () => rest('GET', '/api/v1/meetings?from=soon')),
    ];
    expect(codes).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
  });
});
