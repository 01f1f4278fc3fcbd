import { gatewayConfigSchema, isProduction, loadGatewayConfig, serviceUrlsOf, urlVariableOf } from './config';
import { SERVICES } from './routing/route-table';

describe('gateway config', () => {
  it('names each service\'s URL variable after the service', () => {
    expect(SERVICES.map(urlVariableOf)).toEqual(['CUSTOMERS_URL', 'CAMPAIGNS_URL', 'REWARDS_URL', 'COMPLAINTS_URL', 'SERVICE_VISITS_URL']);
  });

  it('declares no service URL variable that the route table does not know (a typo would silently 503)', () => {
    const known = new Set(SERVICES.map(urlVariableOf));
    const declared = Object.keys(gatewayConfigSchema).filter((name) => name.endsWith('_URL') && name !== 'REDIS_URL');
    expect(declared.filter((name) => !known.has(name))).toEqual([]);
    expect(declared).toContain('CUSTOMERS_URL');
  });

  it('configures exactly the services whose URL is set; the others answer 503 until they join', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'development', CUSTOMERS_URL: 'http://customers:4001', REWARDS_URL: 'http://rewards:4003' });
    expect(serviceUrlsOf(config)).toEqual({ customers: 'http://customers:4001', rewards: 'http://rewards:4003' });
    expect(serviceUrlsOf(loadGatewayConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://r:6379', CUSTOMERS_URL: 'http://c:4001' }))).toEqual({ customers: 'http://c:4001' });
    expect(() => loadGatewayConfig({ NODE_ENV: 'development', CAMPAIGNS_URL: 'ftp://campaigns' })).toThrow(/CAMPAIGNS_URL must use http or https/);
  });

  it('needs the service URLs in production and defaults them outside it', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://r:6379' })).toThrow(/CUSTOMERS_URL is missing/);
    expect(loadGatewayConfig({ NODE_ENV: 'development' }).CUSTOMERS_URL).toBe('http://127.0.0.1:4001');
  });

  it('has safe GraphQL and upstream defaults', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'test' })).toMatchObject({
      PORT: 4000,
      SUPERGRAPH_PATH: 'apps/gateway/supergraph.graphql',
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_ALIASES: 30,
      GRAPHQL_MAX_COST: 5000,
      GRAPHQL_DEFAULT_LIST_SIZE: 10,
      GATEWAY_UPSTREAM_TIMEOUT_MS: 30_000,
      GATEWAY_HEALTH_TIMEOUT_MS: 1_000,
    });
  });

  it.each([
    [{ GATEWAY_UPSTREAM_TIMEOUT_MS: '5' }, /GATEWAY_UPSTREAM_TIMEOUT_MS must be at least 100/],
    [{ GRAPHQL_MAX_DEPTH: '0' }, /GRAPHQL_MAX_DEPTH must be at least 1/],
    [{ CUSTOMERS_URL: 'ftp://x' }, /CUSTOMERS_URL must use http or https/],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, /GRAPHQL_INTROSPECTION must be true or false/],
  ])('refuses %j', (vars, message) => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'development', ...vars })).toThrow(message);
  });

  it('knows production', () => {
    expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
    expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
  });
});
