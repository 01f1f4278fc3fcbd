import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig } from '../config';
import { Upstreams } from '../routing/upstreams';
import { writeTestSupergraph } from '../testing/fake-service';
import { gatewayGraphQLOptions } from './gateway-graphql.module';

describe('gateway GraphQL options', () => {
  let dir: string;
  let supergraph: string;
  const upstreams = new Upstreams({}, { connections: 1, timeoutMs: 1_000 });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gql-options-'));
    supergraph = join(dir, 'supergraph.graphql');
    writeTestSupergraph(supergraph);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = (env: Record<string, string>) => gatewayGraphQLOptions(loadGatewayConfig({ SUPERGRAPH_PATH: supergraph, REDIS_URL: 'redis://r:6379', CUSTOMERS_URL: 'http://c:4001', ...env }), upstreams);

  it('never allows introspection or stack traces in production, whatever is asked', () => {
    const { server } = options({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    expect(server).toMatchObject({ introspection: false, includeStacktraceInErrorResponses: false, hideSchemaDetailsFromClientErrors: true });
  });

  it('allows introspection outside production unless switched off', () => {
    expect(options({ NODE_ENV: 'development' }).server?.introspection).toBe(true);
    expect(options({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' }).server?.introspection).toBe(false);
  });

  it('always refuses batches, guards against CSRF and applies the three limits', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const { server } = options({ NODE_ENV });
      expect(server).toMatchObject({ allowBatchedHttpRequests: false, csrfPrevention: true, path: '/graphql', graphiql: false });
      expect(server?.validationRules).toHaveLength(3);
    }
  });

  it('serves the supergraph file as it is, and says how to make one when it is missing', () => {
    expect((options({ NODE_ENV: 'test' }).gateway as { supergraphSdl?: string }).supergraphSdl).toContain('join__Graph');
    expect(() => options({ NODE_ENV: 'test', SUPERGRAPH_PATH: join(dir, 'missing.graphql') })).toThrow(/Cannot read the supergraph .*compose-supergraph/);
  });
});
