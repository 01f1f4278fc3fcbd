import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { RewardsHarness } from './testing/harness';

type Headers = Record<string, string>;
type GqlAnswer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/**
 * Issue 14: the GraphQL twins of rewards' REST operations (tests/api/parity/rewards.ts) call the same service with
 * the same policy: each answers what REST answers, and refuses with REST's code in `extensions.code`.
 */
describe('rewards: GraphQL twins of the REST operations', () => {
  let h: RewardsHarness;
  const [d1, d2] = [randomUUID(), randomUUID()];
  const [e1, e2] = [randomUUID(), randomUUID()];
  const head1 = bearer(Role.DEPARTMENT_HEAD, randomUUID(), d1);
  const fineOf = (employeeId: string, departmentId: string, amountFen: number, rule: 'J-7' | 'J-11' | 'C-2', imposedAt: string) =>
    h.feed.publish('fine.imposed', { fineId: randomUUID(), employeeId, departmentId, amountFen, rule, sourceId: randomUUID(), imposedAt });
  const gql = async (query: string, variables: object, headers: Headers = h.admin): Promise<GqlAnswer> => (await h.graphql(query, variables, headers)).json();
  const ok = (a: GqlAnswer, field: string) => {
    expect(a.errors).toBeUndefined();
    return a.data![field];
  };
  const codeOf = (a: GqlAnswer) => a.errors?.[0]?.extensions?.code;
  /** The GraphQL refusal carries the code REST answers for the same call. */
  const refusedAlike = async (graphql: () => Promise<GqlAnswer>, restCall: () => Promise<{ statusCode: number; json: () => { code?: string } }>) => {
    const g = await graphql();
    const r = await restCall();
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(codeOf(g)).toBe(r.json().code);
    return codeOf(g);
  };

  beforeAll(async () => {
    h = await RewardsHarness.start();
    await fineOf(e1, d1, 1000, 'J-7', '2026-01-31T15:59:00Z');
    await fineOf(e1, d1, 10000, 'C-2', '2026-01-31T16:30:00Z');
    await fineOf(e2, d2, 10000, 'J-11', '2026-02-15T02:00:00Z');
  });

  afterAll(() => h?.close());

  it('fines pages newest first as GET /fines, with the same visibility; another employee is refused alike', async () => {
    const q = `query($e: ID, $after: String) { fines(employeeId: $e, first: 1, after: $after) { edges { cursor node { id employeeId amountFen rule imposedAt } } pageInfo { hasNextPage endCursor } } }`;
    const asE1 = bearer(Role.EMPLOYEE, e1, d1);
    const page1 = ok(await gql(q, { e: e1 }, asE1), 'fines');
    expect(page1.edges.map((e: { node: { rule: string } }) => e.node.rule)).toEqual(['C-2']);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[0].cursor });
    const page2 = ok(await gql(q, { e: e1, after: page1.pageInfo.endCursor }, asE1), 'fines');
    expect([page2.edges.map((e: { node: { rule: string } }) => e.node.rule), page2.pageInfo]).toEqual([['J-7'], { hasNextPage: false, endCursor: null }]);
    const viaRest = (await h.get(`/api/v1/fines?employeeId=${e1}`, asE1)).json().items;
    expect([...page1.edges, ...page2.edges].map((e: { node: object }) => e.node)).toEqual(
      viaRest.map(({ id, employeeId, amountFen, rule, imposedAt }: Record<string, unknown>) => ({ id, employeeId, amountFen, rule, imposedAt })),
    );
    const inDepartment = ok(await gql(`query($d: ID) { fines(departmentId: $d) { edges { node { rule } } } }`, { d: d1 }, head1), 'fines');
    expect(inDepartment.edges.map((e: { node: { rule: string } }) => e.node.rule).sort()).toEqual(['C-2', 'J-7']);

    const asE2 = bearer(Role.EMPLOYEE, e2, d2);
    expect(await refusedAlike(() => gql(q, { e: e1 }, asE2), () => h.get(`/api/v1/fines?employeeId=${e1}`, asE2))).toBe('FINES_NOT_VISIBLE');
    expect(await refusedAlike(() => gql(q, { e: 'nope' }), () => h.get('/api/v1/fines?employeeId=nope'))).toBe('VALIDATION_FAILED');
  });

  it('fineTotals totals per month as GET /fines/totals; a bad period is refused alike', async () => {
    const q = `query($d: ID, $from: String, $to: String) { fineTotals(departmentId: $d, from: $from, to: $to) { departmentId from to timeZone count totalFen months { month count totalFen } } }`;
    const totals = ok(await gql(q, { d: d1, from: '2026-01-01', to: '2026-02-28' }, head1), 'fineTotals');
    const viaRest = (await h.get(`/api/v1/fines/totals?departmentId=${d1}&from=2026-01-01&to=2026-02-28`, head1)).json();
    expect(totals).toEqual(viaRest);
    expect(totals.months.map((m: { count: number }) => m.count)).toEqual([1, 1]);

    await refusedAlike(() => gql(q, { d: d1, from: '2026-03-01', to: '2026-01-01' }, head1), () => h.get(`/api/v1/fines/totals?departmentId=${d1}&from=2026-03-01&to=2026-01-01`, head1));
    await refusedAlike(() => gql(q, { d: d2 }, head1), () => h.get(`/api/v1/fines/totals?departmentId=${d2}`, head1));
    expect(await refusedAlike(() => gql(q, { d: d1, from: '2026-1-1' }, head1), () => h.get(`/api/v1/fines/totals?departmentId=${d1}&from=2026-1-1`, head1))).toBe('VALIDATION_FAILED');
  });

  it('correctPointsEntry reverses a bonus once, as POST /points/{id}/corrections; non-admins are refused alike', async () => {
    const referrer = await h.registerCustomer();
    const eventId = await h.feed.publish('meeting.attended', {
      meetingId: randomUUID(),
      meetingDate: '2026-03-01',
      slot: 'EVENING',
      customerId: randomUUID(),
      attendedAt: h.nowIso(),
      firstAttendance: true,
      referrerId: referrer,
      departmentId: null,
      invitationId: null,
    });
    const [bonus] = await h.sql(`SELECT id FROM points_entries WHERE source_event_id = $1`, [eventId]);
    const m = `mutation($c: ID!, $e: ID!) { correctPointsEntry(customerId: $c, entryId: $e) { customerId correctedEntryId points balance lifetimePoints owedPoints } }`;

    await refusedAlike(() => gql(m, { c: referrer, e: bonus.id }, bearer(Role.GENERAL_MANAGER)), () => h.post(`/api/v1/points/${referrer}/corrections`, { entryId: bonus.id }, bearer(Role.GENERAL_MANAGER)));
    expect(ok(await gql(m, { c: referrer, e: bonus.id }), 'correctPointsEntry')).toEqual({ customerId: referrer, correctedEntryId: bonus.id, points: -100, balance: 0, lifetimePoints: 0, owedPoints: 0 });
    expect(await refusedAlike(() => gql(m, { c: referrer, e: bonus.id }), () => h.post(`/api/v1/points/${referrer}/corrections`, { entryId: bonus.id }))).toBe('ENTRY_ALREADY_CORRECTED');
    const unknown = randomUUID();
    expect(await refusedAlike(() => gql(m, { c: referrer, e: unknown }), () => h.post(`/api/v1/points/${referrer}/corrections`, { entryId: unknown }))).toBe('ENTRY_NOT_FOUND');
    expect(await h.sql(`SELECT count(*)::int AS n FROM points_entries WHERE source_event_id = $1 AND reason = 'CORRECTION'`, [bonus.id])).toEqual([{ n: 1 }]);
  });
  it('pointsAccount.entriesConnection pages the entries as GET /points/{customerId}; a bad cursor or page size is refused alike', async () => {
    const customer = await h.registerCustomer();
    for (let i = 0; i < 3; i++) {
      await h.feed.publish('meeting.attended', { meetingId: randomUUID(), meetingDate: '2026-03-01', slot: 'EVENING', customerId: randomUUID(), attendedAt: h.nowIso(), firstAttendance: true, referrerId: customer, departmentId: null, invitationId: null });
    }
    const q = `query($c: ID!, $first: Int, $after: String) { pointsAccount(customerId: $c) { balance entriesConnection(first: $first, after: $after) { edges { cursor node { id points reason } } pageInfo { hasNextPage endCursor } } } }`;
    const page1 = ok(await gql(q, { c: customer, first: 2 }), 'pointsAccount').entriesConnection;
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = ok(await gql(q, { c: customer, first: 2, after: page1.edges[0].cursor }), 'pointsAccount').entriesConnection;
    const page3 = ok(await gql(q, { c: customer, first: 2, after: page1.pageInfo.endCursor }), 'pointsAccount').entriesConnection;
    expect(page3.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const viaRest = (await h.get(`/api/v1/points/${customer}`)).json().entries.map((e: { id: string }) => e.id);
    expect(viaRest).toHaveLength(3);
    expect([...page1.edges, ...page3.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(viaRest);
    // Every edge's cursor continues right after it.
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(viaRest.slice(1, 3));

    expect(await refusedAlike(() => gql(q, { c: customer, after: 'garbage' }), () => h.get(`/api/v1/points/${customer}?cursor=garbage`))).toBe('INVALID_CURSOR');
    expect(await refusedAlike(() => gql(q, { c: customer, first: 0 }), () => h.get(`/api/v1/points/${customer}?limit=0`))).toBe('VALIDATION_FAILED');
  });
});
