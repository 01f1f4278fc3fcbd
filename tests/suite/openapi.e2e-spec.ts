import { RunningSuite, startSuite } from '@crm/testing';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; oneOf?: Schema[] };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = { operationId?: string; responses: Record<string, Response>; security?: unknown[]; parameters?: { name: string; in: string }[] };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A schema that says something about the body: a reference to a declared view, or an object with properties. */
function describesBody(schema: Schema | undefined, doc: Document): boolean {
  if (!schema) return false;
  if (schema.$ref) {
    const target = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    return !!target && describesBody(target, doc);
  }
  if (schema.allOf || schema.oneOf) return [...(schema.allOf ?? []), ...(schema.oneOf ?? [])].every((s) => describesBody(s, doc));
  if (schema.type === 'array') return describesBody(schema.items, doc) || ['string', 'number', 'integer'].includes(schema.items?.type ?? '');
  return schema.type === 'object' && Object.keys(schema.properties ?? {}).length > 0;
}

/**
 * Every REST operation of every service is described as a client generator needs it (architecture.md, "Decisions
 * of the second round"): a declared view for each success body, problem+json for the errors, and an operation id
 * that reads as a verb and is unique across the suite (the gateway composes one document of them).
 */
describe('suite: OpenAPI documents of the services', () => {
  let suite: RunningSuite;
  const documents = new Map<string, Document>();
  const operations: Array<{ service: string; path: string; method: string; op: Operation }> = [];

  beforeAll(async () => {
    suite = await startSuite({ services: SERVICES });
    for (const service of SERVICES) {
      const res = await fetch(`${suite.serviceUrls[service]}/api/docs/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Document;
      documents.set(service, doc);
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) if (METHODS.has(method)) operations.push({ service, path, method, op });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('finds the operations of every service', () => {
    for (const service of SERVICES) expect(operations.filter((o) => o.service === service).length).toBeGreaterThan(2);
  });

  it('names every operation with a verb-first id, unique across the suite', () => {
    const ids = operations.map((o) => o.op.operationId ?? `${o.method} ${o.path}`);
    const badlyNamed = ids.filter((id) => !/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(id) || /Controller/.test(id));
    expect(badlyNamed).toEqual([]);
    // The admin clock and sweeps are one operation that every service serves: one id may name one operation only.
    const operationOf = new Map<string, Set<string>>();
    for (const o of operations) {
      const id = o.op.operationId ?? '';
      operationOf.set(id, (operationOf.get(id) ?? new Set()).add(`${o.method.toUpperCase()} ${o.path}`));
    }
    const ambiguous = [...operationOf].filter(([, ops]) => ops.size > 1).map(([id, ops]) => `${id}: ${[...ops].join(', ')}`);
    expect(ambiguous).toEqual([]);
  });

  it('describes the body of every success answer with a declared view', () => {
    const undescribed = operations
      .filter(({ op, service }) => {
        const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (successes.length === 0) return true;
        return successes.some(([status, response]) => {
          if (status === '204') return false;
          const content = response.content ?? {};
          const bodies = Object.values(content);
          return bodies.length === 0 || bodies.some((c) => !describesBody(c.schema, documents.get(service)!));
        });
      })
      .map(({ service, method, path }) => `${service} ${method.toUpperCase()} ${path}`);
    expect(undescribed).toEqual([]);
  });

  it('describes the errors of every operation as problem+json', () => {
    const withoutProblems = operations
      .filter(({ op }) => {
        const errors = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
        return errors.length === 0 || errors.some(([, r]) => !r.content?.['application/problem+json']);
      })
      .map(({ service, method, path }) => `${service} ${method.toUpperCase()} ${path}`);
    expect(withoutProblems).toEqual([]);
  });

  it('asks for credentials on every operation but signing in, refreshing, signing out and the development token', () => {
    const open = operations.filter(({ op }) => Array.isArray(op.security) && op.security.length === 0).map(({ path }) => path);
    expect(open.sort()).toEqual(['/api/v1/auth/dev-token', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/refresh']);
  });

  it('documents the Idempotency-Key header and its 409 and 422 problems on every POST that takes one', () => {
    // Public operations have no caller to keep keys for; issuing an API key answers a secret that is never stored.
    const without = operations
      .filter(({ method, op }) => method === 'post' && !(Array.isArray(op.security) && op.security.length === 0))
      .filter(({ op }) => !op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') || !op.responses['409'] || !op.responses['422'])
      .map(({ service, path }) => `${service} POST ${path}`);
    expect(without).toEqual(['customers POST /api/v1/api-keys']);
  });
});
