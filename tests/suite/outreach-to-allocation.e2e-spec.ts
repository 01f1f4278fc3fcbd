import { eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * O-1..O-4 across services, through the gateway only: campaigns records an outreach event, customers learns it
 * from `outreach.recorded`, the CRM centre enters the archives and the head allocates them evenly.
 */
describe('suite: outreach event → archive batch → even allocation', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { admin, post, tokenOf, employee, appointHeads } = session;
  let department: string;
  let head: string;
  const participants: string[] = [];


  beforeAll(async () => {
    suite = await startSuite({ services: ['customers', 'campaigns'] });
    api = session.connect(suite);
    department = await session.department('三部', 'D3');
    head = await employee('部长', 'DEPARTMENT_HEAD', department);
    for (const name of ['甲', '乙', '丙']) participants.push(await employee(name, 'EMPLOYEE', department));
    await appointHeads([[department, head]]);
  }, 120_000);

  afterAll(() => suite?.stop());

  it('answers health for the whole suite, both services included', async () => {
    const health = await api.rest('GET', '/health');
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.services).sort()).toEqual(['campaigns', 'customers']);
  });

  it('allocates the archives of an outreach event evenly among its participants', async () => {
    const headToken = await tokenOf(head);
    // Campaigns learns the department and its staff from customers' events.
    const recorded = await eventually(
      () => post('/api/v1/outreach-events', { departmentId: department, date: '2026-01-05', participantIds: participants }, headToken),
      (res) => res.status === 201,
    );
    expect(recorded.status).toBe(201);
    const outreachEventId = recorded.body.id;

    const clerk = await tokenOf(await employee('客管', 'CRM_CLERK'));
    const records = Array.from({ length: 8 }, (_, i) => ({ name: `顾客${i}`, phone: `1350000${String(i).padStart(4, '0')}` }));
    records.push({ name: '重复', phone: '135 0000 0003' }, { name: '坏', phone: '123' });
    // Customers learns the outreach event from campaigns' event.
    const batch = await eventually(
      () => post('/api/v1/archive-batches', { outreachEventId, records }, clerk),
      (res) => res.status === 201,
    );
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ accepted: 8 });
    expect(batch.body.duplicates.map((d: { row: number }) => d.row)).toEqual([9]);
    expect(batch.body.invalid.map((i: { row: number }) => i.row)).toEqual([10]);

    const allocation = await post(`/api/v1/archive-batches/${batch.body.id}/allocation`, {}, headToken);
    expect(allocation.status).toBe(201);
    const given = new Map<string, number>(allocation.body.allocations.map((a: { employeeId: string; customerIds: string[] }) => [a.employeeId, a.customerIds.length]));
    expect([...given.keys()].sort()).toEqual([...participants].sort());
    expect([...given.values()].sort()).toEqual([2, 3, 3]);

    // The new owners are what campaigns will decide invitations by (J-2): its copy follows customers.
    const owners = await api.graphql(
      `query($d: ID!) { customers(first: 50, filter: { departmentId: $d }) { nodes { owner { id } } } }`,
      { d: department },
      headToken,
    );
    const counted = new Map<string, number>();
    for (const n of owners.data.customers.nodes as { owner: { id: string } }[]) counted.set(n.owner.id, (counted.get(n.owner.id) ?? 0) + 1);
    expect(counted).toEqual(given);
  });

  it('serves meetings through the federated graph and refuses bad meetings with a code', async () => {
    const created = await eventually(
      () => post('/api/v1/meetings', { date: '2999-05-01', slot: 'EVENING', venue: '礼堂', departmentIds: [department] }),
      (res) => res.status === 201,
    );
    expect(created.status).toBe(201);
    const gql = await api.graphql(`query($id: ID!) { meeting(id: $id) { id slot joint departments { id code name } } }`, { id: created.body.id }, admin);
    expect(gql.errors).toBeUndefined();
    expect(gql.data.meeting).toEqual({ id: created.body.id, slot: 'EVENING', joint: false, departments: [{ id: department, code: 'D3', name: '三部' }] });

    // A participant invites a customer she was just allocated; the customer's invitations come from campaigns
    // and the rest of the customer from customers, in one query.
    const participant = participants[0];
    const mine = await api.graphql(`query($o: ID!) { customers(first: 1, filter: { ownerId: $o }) { nodes { id } } }`, { o: participant }, admin);
    const customerId = mine.data.customers.nodes[0].id;
    const token = await tokenOf(participant);
    const invited = await eventually(
      () => post(`/api/v1/meetings/${created.body.id}/invitations`, { customerId }, token),
      (res) => res.status === 201,
    );
    expect(invited.status).toBe(201);
    const federated = await api.graphql(
      `query($id: ID!) { customer(id: $id) { id owner { id } invitations { status employeeId meeting { venue } } } }`,
      { id: customerId },
      token,
    );
    expect(federated.errors).toBeUndefined();
    expect(federated.data.customer).toEqual({ id: customerId, owner: { id: participant }, invitations: [{ status: 'INVITED', employeeId: participant, meeting: { venue: '礼堂' } }] });

    const past = await post('/api/v1/meetings', { date: '2020-05-01', slot: 'EVENING', venue: '礼堂', departmentIds: [department] });
    expect([past.status, past.body.code]).toEqual([422, 'MEETING_DATE_IN_PAST']);
  });
});
