import { randomUUID } from 'node:crypto';
import { RunningSuite, startSuite, SuiteClient, SuiteSession, testRedisUrl } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';

/**
 * The customers service behind the gateway, as separate processes driven over HTTP only: what a frontend
 * (GraphQL) and an integration partner (REST) see. Outreach events come from campaigns' `outreach.recorded`,
 * published here into the real queue through the event catalogue.
 */
describe('suite: customers through the gateway', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  let feed: EventFeed;
  const session = new SuiteSession();
  const { admin, post, get, tokenOf, employee, twoDepartments } = session;
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1a' | 'e1b' | 'head2' | 'e2' | 'clerk', string>;
  const tokens = {} as Record<'head1' | 'e1a' | 'e2' | 'clerk', Record<string, string>>;

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers'], env: { LOG_LEVEL: 'info' } });
    api = session.connect(suite);
    feed = new EventFeed(testRedisUrl(), suite.redisPrefix);
    Object.assign(ids, await twoDepartments({ d1: { e1a: '员工甲', e1b: '员工乙' }, d2: { e2: '员工丙' } }));
    ids.clerk = await employee('客管', 'CRM_CLERK');
    for (const who of ['head1', 'e1a', 'e2', 'clerk'] as const) tokens[who] = await tokenOf(ids[who]);
  }, 120_000);

  afterAll(async () => {
    await feed?.close();
    await suite?.stop();
  });

  it('is healthy as a whole and carries the caller\'s request id', async () => {
    const health = await get('/health', {});
    expect(health.status).toBe(200);
    const res = await api.rest('GET', '/api/v1/departments', { headers: { ...admin, 'x-request-id': 'suite-req-000001' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('suite-req-000001');
    expect(res.body.items.map((d: { code: string }) => d.code).sort()).toEqual(['D1', 'D2']);
    // Both processes log the request as JSON lines under the same id.
    for (const process of ['gateway', 'customers']) {
      const lines = await suite.linesContaining(process, 'suite-req-000001');
      expect(lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ requestId: 'suite-req-000001', path: '/api/v1/departments', status: 200 }),
      );
    }
  });

  it('keeps phone numbers out of every log line', async () => {
    const res = await api.rest('GET', '/api/v1/customers?phone=13655554444', { headers: { ...tokens.clerk, 'x-request-id': 'suite-req-phone' } });
    expect(res.status).toBe(200);
    for (const process of ['gateway', 'customers']) {
      expect(await suite.linesContaining(process, 'suite-req-phone')).not.toHaveLength(0);
      expect(suite.output(process)).not.toMatch(/13655554444/);
    }
  });

  describe('registering and reading a customer', () => {
    let customerId: string;

    it('registers through GraphQL, the employee becoming the owner', async () => {
      const res = await api.graphql(
        `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id phone ownerId departmentId stage source owner { name } department { code } } }`,
        { input: { name: '李秀英', phone: '138 1234 5678', source: 'WALK_IN' } },
        tokens.e1a,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.registerCustomer).toMatchObject({ phone: '+8613812345678', ownerId: ids.e1a, departmentId: ids.d1, source: 'WALK_IN', owner: { name: '员工甲' }, department: { code: 'D1' } });
      customerId = res.data.registerCustomer.id;
    });

    it('reads it over REST and GraphQL: full phone for the owner and head, masked for another department (P-1)', async () => {
      expect((await get(`/api/v1/customers/${customerId}`, tokens.e1a)).body.phone).toBe('+8613812345678');
      expect((await get(`/api/v1/customers/${customerId}`, tokens.head1)).body.phone).toBe('+8613812345678');
      const other = await get(`/api/v1/customers/${customerId}`, tokens.e2);
      expect(other.status).toBe(200);
      expect(other.body.phone).toBe('138****5678');
      const gql = await api.graphql(`query($id: ID!) { customer(id: $id) { id name phone owner { id } } }`, { id: customerId }, tokens.e2);
      expect(gql.data.customer).toEqual({ id: customerId, name: '李秀英', phone: '138****5678', owner: { id: ids.e1a } });
    });

    it('refuses the same phone in another format, over REST and GraphQL, and stores nothing (dedupe)', async () => {
      const rest = await post('/api/v1/customers', { name: '重复', phone: '+86 138-1234-5678', source: 'HOTLINE' }, tokens.e2);
      expect(rest.status).toBe(409);
      expect(rest.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(rest.body).toMatchObject({ status: 409, code: 'CUSTOMER_PHONE_EXISTS' });
      const gql = await api.graphql(
        `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id } }`,
        { input: { name: '重复', phone: '8613812345678', source: 'HOTLINE' } },
        tokens.e2,
      );
      expect(gql.errors?.[0].extensions?.code).toBe('CUSTOMER_PHONE_EXISTS');
      const found = await get(`/api/v1/customers?phone=${encodeURIComponent('138 1234 5678')}`, tokens.clerk);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([customerId]);
    });

    it('answers bad input with 400 and a code, and changes nothing', async () => {
      const before = (await get('/api/v1/customers?limit=200', tokens.clerk)).body.items.length;
      const unknownField = await post('/api/v1/customers', { name: 'x', phone: '13900000001', source: 'WALK_IN', vip: true }, tokens.e1a);
      expect([unknownField.status, unknownField.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const wrongType = await post('/api/v1/customers', { name: 42, phone: '13900000001', source: 'WALK_IN' }, tokens.e1a);
      expect([wrongType.status, wrongType.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toContain('name');
      const badPhone = await post('/api/v1/customers', { name: 'x', phone: '12345', source: 'WALK_IN' }, tokens.e1a);
      expect([badPhone.status, badPhone.body.code]).toEqual([400, 'INVALID_PHONE']);
      const malformed = await api.rest('POST', '/api/v1/customers', { raw: '{"name": "x",', headers: { ...tokens.e1a, 'content-type': 'application/json' } });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
      const badId = await get('/api/v1/customers/not-a-uuid', tokens.e1a);
      expect(badId.status).toBe(400);
      expect(badId.body.code).toBeDefined();
      const gqlBad = await api.graphql(`query { customers(first: 100000) { nodes { id } } }`, {}, tokens.clerk);
      expect(gqlBad.errors?.[0].extensions?.code).toBeDefined();
      expect(gqlBad.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect((await get('/api/v1/customers?limit=200', tokens.clerk)).body.items.length).toBe(before);
    });

    it('keeps out callers without a token (401) and roles without the right (403)', async () => {
      const anonymous = await get(`/api/v1/customers/${customerId}`, {});
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const forged = await get(`/api/v1/customers/${customerId}`, { authorization: 'Bearer not.a.token' });
      expect(forged.status).toBe(401);
      const gqlAnonymous = await api.graphql(`query($id: ID!) { customer(id: $id) { id } }`, { id: customerId });
      expect(gqlAnonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const employeeMakesDepartment = await post('/api/v1/departments', { name: '四部', code: 'D4' }, tokens.e1a);
      expect([employeeMakesDepartment.status, employeeMakesDepartment.body.code]).toEqual([403, 'FORBIDDEN']);
      const otherEdits = await api.rest('PATCH', `/api/v1/customers/${customerId}`, { body: { notes: 'mine now' }, headers: tokens.e2 });
      expect([otherEdits.status, otherEdits.body.code]).toEqual([403, 'CUSTOMER_NOT_EDITABLE']);
      expect((await get(`/api/v1/customers/${customerId}`, tokens.e1a)).body.notes ?? null).toBeNull();
    });
  });

  describe('archives from an outreach event (O-2..O-4)', () => {
    let outreachEventId: string;

    beforeAll(async () => {
      outreachEventId = randomUUID();
      await feed.publish('outreach.recorded', {
        outreachEventId,
        departmentId: ids.d1,
        date: '2026-11-20',
        participantIds: [ids.e1a, ids.e1b],
        recordedAt: new Date().toISOString(),
      });
    });

    it('enters a batch with duplicates and bad rows, reports them by row, and allocates evenly among the participants', async () => {
      const records = [
        { name: '王芳', phone: '139 0000 0001' },
        { name: '张伟', phone: '13900000002' },
        { name: '李秀英again', phone: '138-1234-5678' },
        { name: '王芳', phone: '+86 139 0000 0001' },
        { name: '坏号码', phone: 'abc' },
        { name: '赵六', phone: '13900000003' },
        { phone: '13900000004' },
        { name: '钱七', phone: '13900000005' },
        { name: '孙八', phone: '13900000006' },
      ];
      const batch = await post('/api/v1/archive-batches', { outreachEventId, records }, tokens.clerk);
      expect(batch.status).toBe(201);
      expect(batch.body.accepted).toBe(5);
      expect(batch.body.duplicates.map((d: { row: number; duplicateOf: string }) => [d.row, d.duplicateOf])).toEqual([
        [3, 'EXISTING_CUSTOMER'],
        [4, 'EARLIER_ROW'],
      ]);
      expect(batch.body.invalid.map((i: { row: number; field: string }) => [i.row, i.field])).toEqual([
        [5, 'phone'],
        [7, 'name'],
      ]);

      const allocation = await post(`/api/v1/archive-batches/${batch.body.id}/allocation`, {}, tokens.head1);
      expect(allocation.status).toBe(201);
      const sizes = allocation.body.allocations.map((a: { customerIds: string[] }) => a.customerIds.length).sort();
      expect(sizes).toEqual([2, 3]);

      // Each participant now owns what they were given, as the GraphQL connection shows.
      for (const a of allocation.body.allocations as { employeeId: string; customerIds: string[] }[]) {
        const owned = await api.graphql(
          `query($owner: ID!) { customers(first: 50, filter: { ownerId: $owner, stage: POTENTIAL }) { nodes { id source } } }`,
          { owner: a.employeeId },
          tokens.head1,
        );
        expect(owned.errors).toBeUndefined();
        const outreachIds = owned.data.customers.nodes.filter((c: { source: string }) => c.source === 'OUTREACH').map((c: { id: string }) => c.id);
        expect(outreachIds.sort()).toEqual([...a.customerIds].sort());
      }
      const again = await post(`/api/v1/archive-batches/${batch.body.id}/allocation`, {}, tokens.head1);
      expect([again.status, again.body.code]).toEqual([409, 'BATCH_ALREADY_ALLOCATED']);
    });

    it('takes a CSV file through the gateway', async () => {
      const csv = '姓名,手机\n周九,139 0000 0011\n吴十,139 0000 0012\n';
      const res = await api.rest('POST', `/api/v1/archive-batches?outreachEventId=${outreachEventId}`, {
        raw: csv,
        headers: { ...tokens.clerk, 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(201);
      expect(res.body.accepted).toBe(2);
    });
  });

  describe('partner API keys', () => {
    it('creates a key, lets a partner use it within its scopes, and shuts it out once revoked', async () => {
      const created = await post('/api/v1/api-keys', { name: 'ERP sync', scopes: ['customers:read'] });
      expect(created.status).toBe(201);
      const partner = { 'x-api-key': created.body.key };
      const listed = await get('/api/v1/api-keys');
      expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

      const page = await get('/api/v1/customers?limit=5', partner);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      expect(page.body.items.every((c: { phone: string }) => /\*{4}/.test(c.phone))).toBe(true);
      const write = await post('/api/v1/customers', { name: '伙伴', phone: '13700000001', source: 'PARTNER' }, partner);
      expect(write.status).toBe(403);

      const revoked = await api.rest('DELETE', `/api/v1/api-keys/${created.body.id}`, { headers: admin });
      expect(revoked.status).toBe(200);
      const after = await get('/api/v1/customers?limit=5', partner);
      expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });
});
