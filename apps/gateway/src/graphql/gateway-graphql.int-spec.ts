import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

describe('GraphQL through the gateway', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({
      CUSTOMERS_URL: service.url,
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_COST: '200',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  const lastGraphQLCall = () => [...service.seen].reverse().find((r) => r.url === '/graphql');

  it('answers a query from the subgraph', async () => {
    const reply = await gateway.graphql('{ customer(id: "42") { id name tags } }');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ data: { customer: { id: '42', name: 'Customer 42', tags: ['a', 'b'] } } });
  });

  it('forwards the caller\'s credentials and request id to the subgraph, and echoes the id', async () => {
    const reply = await gateway.graphql('{ customer(id: "1") { name } }', {
      headers: { authorization: 'Bearer token-1', 'x-api-key': 'key-1', 'x-request-id': 'graphql-req-0001', 'x-real-ip': '6.6.6.6' },
    });
    expect(reply.status).toBe(200);
    // The address a service acts on (the sign-in throttle) is the gateway's word, never what the caller claims.
    expect(lastGraphQLCall()?.headers['x-real-ip']).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    expect(reply.headers['x-request-id']).toBe('graphql-req-0001');
    expect(lastGraphQLCall()?.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-api-key': 'key-1',
      'x-request-id': 'graphql-req-0001',
    });
  });

  it('makes a request id when the caller sends none (or a bad one) and sends it on', async () => {
    const reply = await gateway.graphql('{ customer(id: "1") { name } }', { headers: { 'x-request-id': 'no good' } });
    const id = reply.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastGraphQLCall()?.headers['x-request-id']).toBe(id);
  });

  it('answers the rest of an operation when a subgraph\'s service is not deployed', async () => {
    const reply = await gateway.graphql('{ customer(id: "7") { name points { balance } } }');
    const body = reply.json();
    expect(body.data).toEqual({ customer: { name: 'Customer 7', points: null } });
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'rewards' }) })]);
  });

  it('passes a subgraph error code through', async () => {
    const body = (await gateway.graphql('{ customer(id: "1") { name boom } }')).json();
    expect(body.data.customer).toEqual({ name: 'Customer 1', boom: null });
    expect(body.errors[0].extensions.code).toBe('BOOM');
  });

  it('refuses an operation nested deeper than the limit', async () => {
    const ok = await gateway.graphql('{ customer(id: "1") { referrer { referrer { id } } } }');
    expect(ok.status).toBe(200);
    const reply = await gateway.graphql('query Deep { customer(id: "1") { ...R } } fragment R on Customer { referrer { referrer { referrer { id } } } }');
    expect(reply.status).toBe(400);
    expect(reply.json().errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_DEPTH_LIMIT', limit: 4 } });
  });

  it('refuses more aliases than allowed', async () => {
    const ok = await gateway.graphql('{ a: customer(id: "1") { id } b: customer(id: "2") { id } c: customer(id: "3") { id } }');
    expect(ok.status).toBe(200);
    const reply = await gateway.graphql('{ a: customer(id: "1") { id } b: customer(id: "2") { id } c: customer(id: "3") { id } d: customer(id: "4") { id } }');
    expect(reply.status).toBe(400);
    expect(reply.json().errors[0].extensions).toMatchObject({ code: 'GRAPHQL_ALIAS_LIMIT', limit: 3, actual: 4 });
  });

  it('refuses a costlier operation, with the size in the query or in a variable', async () => {
    const cheap = await gateway.graphql('{ customers(first: 5) { edges { node { id name } } } }');
    expect(cheap.status).toBe(200);
    expect(cheap.json().data.customers.edges).toHaveLength(5);

    const literal = await gateway.graphql('{ customers(first: 100) { edges { node { id name } } } }');
    expect(literal.status).toBe(400);
    expect(literal.json().errors[0].extensions).toMatchObject({ code: 'GRAPHQL_COST_LIMIT', limit: 200, actual: 302 });

    const query = 'query Page($n: Int) { customers(first: $n) { edges { node { id name } } } }';
    expect((await gateway.graphql(query, { variables: { n: 5 } })).status).toBe(200);
    const variable = await gateway.graphql(query, { variables: { n: 100 } });
    expect(variable.status).toBe(400);
    expect(variable.json().errors[0].extensions).toMatchObject({ code: 'GRAPHQL_COST_LIMIT', actual: 302 });
  });

  it('refuses batched operations', async () => {
    const reply = await gateway.call('POST', '/graphql', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ customer(id: "1") { id } }' }, { query: '{ customer(id: "2") { id } }' }]),
    });
    expect(reply.status).toBe(400);
    expect(service.seen.filter((r) => r.body.includes('"2"'))).toEqual([]);
  });

  it('refuses a simple GET that a browser could send cross-site (CSRF prevention)', async () => {
    const reply = await gateway.call('GET', `/graphql?query=${encodeURIComponent('{ customer(id: "1") { id } }')}`);
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/CSRF|preflight/i);
    const allowed = await gateway.call('GET', `/graphql?query=${encodeURIComponent('{ customer(id: "1") { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('allows introspection outside production', async () => {
    const reply = await gateway.graphql('{ __schema { queryType { name } } }');
    expect(reply.status).toBe(200);
    expect(reply.json().data.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphQL through the gateway in production', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({
      NODE_ENV: 'production',
      CUSTOMERS_URL: service.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      // Asked for, and still refused: production never introspects.
      GRAPHQL_INTROSPECTION: 'true',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  it('refuses introspection', async () => {
    const reply = await gateway.graphql('{ __schema { types { name } } }');
    expect(reply.status).toBe(400);
    expect(reply.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(reply.text).toMatch(/introspection/i);
  });

  it('sends no stack trace, even when a subgraph does', async () => {
    const reply = await gateway.graphql('{ customer(id: "1") { name boom } }');
    expect(reply.json().errors[0].extensions.code).toBe('BOOM');
    expect(reply.text).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('still answers queries', async () => {
    const reply = await gateway.graphql('{ customer(id: "9") { name } }');
    expect(reply.json()).toEqual({ data: { customer: { name: 'Customer 9' } } });
  });
});
