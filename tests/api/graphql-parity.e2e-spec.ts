import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { RunningSuite, startSuite } from '@crm/testing';
import { compileRoutes, SERVICES } from '../../apps/gateway/src/routing/route-table';
import { PARITY as CAMPAIGNS } from './parity/campaigns';
import { PARITY as COMPLAINTS } from './parity/complaints';
import { PARITY as CUSTOMERS } from './parity/customers';
import { PARITY as REWARDS } from './parity/rewards';
import { PARITY as SERVICE_VISITS } from './parity/service-visits';

/**
 * Issue 14, GraphQL parity with REST (api-contract.md "Frontends and partners"): every REST operation the gateway
 * routes, but `/admin/*` and `/auth/dev-token`, has a GraphQL query or mutation of the same meaning. Each service's
 * `tests/api/parity/<service>.ts` maps its REST operationIds to `Query.<field>` or `Mutation.<field>`; this test
 * reads the operations from the running services' OpenAPI documents and the fields from the committed supergraph,
 * and fails for an operation without an entry, an entry naming a field the supergraph lacks, and an entry whose
 * operation is gone.
 */
const TABLES: Record<(typeof SERVICES)[number], Record<string, string>> = {
  customers: CUSTOMERS,
  campaigns: CAMPAIGNS,
  rewards: REWARDS,
  complaints: COMPLAINTS,
  'service-visits': SERVICE_VISITS,
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
type Document = { paths: Record<string, Record<string, { operationId?: string }>> };

/** Public REST: under /api/v1, routed by the gateway to the service, neither /admin/* nor the development token. */
function isPublicOperation(service: string, path: string, route: ReturnType<typeof compileRoutes>): boolean {
  if (!path.startsWith('/api/v1/')) return false;
  if (path.startsWith('/api/v1/admin/') || path === '/api/v1/auth/dev-token' || path.startsWith('/api/v1/auth/dev-token/')) return false;
  // `{id}` → a sample segment: the table matches on whole path segments.
  return route(path.replace(/\{[^}]+\}/g, 'x'))?.service === service;
}

/** `Query.<field>` and `Mutation.<field>` of the committed supergraph. */
function supergraphOperations(): Set<string> {
  const doc = parse(readFileSync(resolve(__dirname, '../../apps/gateway/supergraph.graphql'), 'utf8'));
  const fields = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    if (type.name.value !== 'Query' && type.name.value !== 'Mutation') continue;
    for (const f of type.fields ?? []) fields.add(`${type.name.value}.${f.name.value}`);
  }
  return fields;
}

describe('suite: every public REST operation has a GraphQL twin (issue 14)', () => {
  let suite: RunningSuite;
  const operations = new Map<string, Set<string>>();

  beforeAll(async () => {
    suite = await startSuite({ services: [...SERVICES] });
    const route = compileRoutes();
    for (const service of SERVICES) {
      const res = await fetch(`${suite.serviceUrls[service]}/api/docs/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Document;
      const ids = new Set<string>();
      for (const [path, item] of Object.entries(doc.paths)) {
        if (!isPublicOperation(service, path, route)) continue;
        for (const [method, op] of Object.entries(item)) if (METHODS.has(method)) ids.add(op.operationId ?? `${method} ${path}`);
      }
      operations.set(service, ids);
    }
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('reads the public operations of every service', () => {
    for (const service of SERVICES) expect(operations.get(service)?.size).toBeGreaterThan(0);
  });

  it.each([...SERVICES])('%s: every public REST operation has an entry', (service) => {
    const missing = [...(operations.get(service) ?? [])].filter((id) => !(id in TABLES[service]));
    expect(missing).toEqual([]);
  });

  it.each([...SERVICES])('%s: every entry names a query or mutation of the supergraph', (service) => {
    const fields = supergraphOperations();
    const wrong = Object.entries(TABLES[service])
      .filter(([, field]) => !/^(Query|Mutation)\.[_A-Za-z][_0-9A-Za-z]*$/.test(field) || !fields.has(field))
      .map(([id, field]) => `${id} → ${field}`);
    expect(wrong).toEqual([]);
  });

  it.each([...SERVICES])('%s: every entry is of an operation that still exists', (service) => {
    const gone = Object.keys(TABLES[service]).filter((id) => !operations.get(service)?.has(id));
    expect(gone).toEqual([]);
  });
});
