import { DAY, Department, VisitsHarness } from '../testing/harness';

const LIST = `query ($customerId: ID!, $first: Int, $after: String) {
  serviceRecords(customerId: $customerId, first: $first, after: $after) {
    edges { cursor node { id kind notes notesHidden hasReadings readings { systolic diastolic pulse } readingsHidden } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The GraphQL twin of GET /api/v1/service-records (issue 14): the same service call, a connection, the same codes. */
describe('service-visits: GraphQL serviceRecords (as GET /api/v1/service-records)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let d2: Department;
  let customer: string;
  const ids: string[] = [];
  const readings = [{ systolic: 150, diastolic: 95, pulse: 80 }];

  const audited = async () => (await h.sql(`SELECT actor, channel FROM readings_reads WHERE customer_id = $1 ORDER BY at`, [customer]));

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('Q1');
    d2 = await h.department('Q2');
    customer = await h.customer(d1, new Date(h.now().getTime() - DAY));
    ids.push((await h.record(customer, d1.employees[0], { category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', notes: '量血压', readings })).json().id);
    ids.push((await h.record(customer, d1.employees[0], { kind: 'PHONE_CALL', notes: '电话回访' })).json().id);
  });

  afterAll(() => h?.close());

  it('pages through the records oldest first, showing the owner the readings and auditing the showing as REST does', async () => {
    const first = (await h.graphql(LIST, { customerId: customer, first: 1 }, d1.employees[0])).json();
    expect(first.errors).toBeUndefined();
    const page1 = first.data.serviceRecords;
    expect(page1.edges).toEqual([
      { cursor: page1.pageInfo.endCursor, node: { id: ids[0], kind: 'BLOOD_PRESSURE_CHECK', notes: '量血压', notesHidden: false, hasReadings: true, readings, readingsHidden: false } },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect((await h.get(`/api/v1/service-records?customerId=${customer}&limit=1`, d1.employees[0])).json().nextCursor).toBe(page1.pageInfo.endCursor);
    const second = (await h.graphql(LIST, { customerId: customer, first: 1, after: page1.pageInfo.endCursor }, d1.employees[0])).json().data.serviceRecords;
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[1]]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(await audited()).toEqual([
      { actor: `employee:${d1.employeeIds[0]}`, channel: 'query serviceRecords' },
      { actor: `employee:${d1.employeeIds[0]}`, channel: 'GET /api/v1/service-records' },
    ]);
  });

  it('hides readings and notes from another department, as REST does', async () => {
    const before = (await audited()).length;
    const edges = (await h.graphql(LIST, { customerId: customer }, d2.employees[0])).json().data.serviceRecords.edges;
    expect(edges[0].node).toMatchObject({ notes: null, notesHidden: true, hasReadings: true, readings: null, readingsHidden: true });
    expect(await audited()).toHaveLength(before);
  });

  it('refuses a partner without service-visits:read and a malformed id with the codes REST answers', async () => {
    const partner = await h.partner(['customers:read']);
    const rest = (await h.get(`/api/v1/service-records?customerId=${customer}`, partner)).json();
    const gql = (await h.graphql(LIST, { customerId: customer }, partner)).json();
    expect(rest.code).toBeDefined();
    expect(gql.errors[0].extensions.code).toBe(rest.code);
    const bad = (await h.graphql(LIST, { customerId: 'not-a-uuid' }, d1.employees[0])).json();
    expect(bad.errors[0].extensions.code).toBe((await h.get('/api/v1/service-records?customerId=not-a-uuid', d1.employees[0])).json().code);
  });
});
