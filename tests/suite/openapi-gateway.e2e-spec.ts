import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import createClient from 'openapi-fetch';
import { findRepositoryRoot, RunningSuite, startSuite, SuiteSession } from '@crm/testing';
import { partnerClient, type paths } from '../support/partner-client';

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = { operationId?: string; summary?: string; tags?: string[]; responses: Record<string, Response>; security?: Record<string, string[]>[] };
type Document = {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme?: string; name?: string; in?: string }> };
};

const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'];
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const root = findRepositoryRoot();
const CLIENT_TYPES = resolve(root, 'tests/support/partner-client/schema.d.ts');

/**
 * The gateway's one OpenAPI document (docs/api/partners.md "The OpenAPI document"): composed from the services'
 * documents, Redocly's recommended rules without an error, Swagger UI from node_modules, and a client generated
 * from it (tests/support/partner-client) driving a partner's day through the gateway.
 */
describe('suite: the OpenAPI document at the gateway', () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  let document: Document;
  let raw: string;
  let scratch: string;
  const operations: Array<{ path: string; method: string; op: Operation }> = [];

  beforeAll(async () => {
    suite = await startSuite({ services: SERVICES });
    session.connect(suite);
    scratch = mkdtempSync(join(tmpdir(), 'openapi-gateway-'));
    const res = await fetch(`${suite.gatewayUrl}/api/docs/openapi.json`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    raw = await res.text();
    document = JSON.parse(raw) as Document;
    writeFileSync(join(scratch, 'openapi.json'), raw);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) if (METHODS.has(method)) operations.push({ path, method, op });
    }
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  describe('the document', () => {
    it('is one OpenAPI 3.1 document of every service\'s /api/v1 operations, served at the origin', () => {
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.version).toMatch(/\S/);
      expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
      expect(operations.every(({ path }) => path.startsWith('/api/v1/'))).toBe(true);
      // One operation of each service at least, and nothing the gateway does not route (the services' export parts).
      for (const path of ['/api/v1/customers', '/api/v1/meetings', '/api/v1/points/{customerId}', '/api/v1/complaints', '/api/v1/service-records', '/api/v1/customers/{id}/export']) {
        expect([path, Object.keys(document.paths[path] ?? {}).length > 0]).toEqual([path, true]);
      }
      expect(Object.keys(document.paths).filter((p) => p.startsWith('/api/v1/personal-data'))).toEqual([]);
      // Outside production the suite's administration is described too: the clock once, every sweep by name.
      expect(document.paths['/api/v1/admin/sweeps/{name}'].post.operationId).toBe('runSweep');
      expect(JSON.stringify(document.paths['/api/v1/admin/sweeps/{name}'].post)).toContain('"enum":["classification","complaint-sla","ledger-audit","service-adequacy","sheet-cutoff","visit-plans"]');
    });

    it('names every operation with a verb-first id, once, with a summary and a described tag', () => {
      const ids = operations.map(({ op, method, path }) => op.operationId ?? `${method} ${path}`);
      expect(ids.filter((id) => !/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(id))).toEqual([]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(operations.filter(({ op }) => !op.summary).map(({ op }) => op.operationId)).toEqual([]);
      const described = new Set((document.tags ?? []).filter((t) => t.description).map((t) => t.name));
      expect(operations.filter(({ op }) => !op.tags?.length || op.tags.some((t) => !described.has(t))).map(({ op }) => op.operationId)).toEqual([]);
    });

    it('answers every error as problem+json with the one Problem schema, and every success with a schema', () => {
      const problemRef = '#/components/schemas/Problem';
      expect(Object.keys(document.components.schemas.Problem.properties ?? {})).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
      const badErrors = operations.filter(({ op }) => {
        const errors = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
        return errors.length === 0 || errors.some(([, r]) => r.content?.['application/problem+json']?.schema?.$ref !== problemRef);
      });
      expect(badErrors.map(({ op }) => op.operationId)).toEqual([]);
      const undescribed = operations.filter(({ op }) =>
        Object.entries(op.responses)
          .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
          .some(([, r]) => !r.content?.['application/json']?.schema),
      );
      expect(undescribed.map(({ op }) => op.operationId)).toEqual([]);
      expect(Object.keys(document.components.schemas).filter((name) => name === 'ProblemView')).toEqual([]);
    });

    it('asks for an employee\'s token, or a partner\'s key with the scopes the policy names, on every operation but signing in', () => {
      expect(document.components.securitySchemes.employee).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(document.components.securitySchemes.partner).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }));
      const open = operations.filter(({ op }) => op.security?.length === 0).map(({ path }) => path);
      expect(open.sort()).toEqual(['/api/v1/auth/dev-token', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/refresh']);
      expect(operations.filter(({ op }) => op.security === undefined).map(({ op }) => op.operationId)).toEqual([]);
      expect(document.paths['/api/v1/customers'].get.security).toEqual([{ employee: [] }, { partner: ['customers:read'] }]);
      expect(document.paths['/api/v1/customers'].post.security).toEqual([{ employee: [] }, { partner: ['customers:write'] }]);
      // An ADMIN's operation is no partner's.
      expect(document.paths['/api/v1/api-keys'].post.security).toEqual([{ employee: [] }]);
    });

    it('passes Redocly\'s recommended rules with no error', () => {
      const run = spawnSync(process.execPath, [resolve(root, 'tools/lint-openapi.mjs'), join(scratch, 'openapi.json'), '--json'], { cwd: root, encoding: 'utf8' });
      const problems = JSON.parse(run.stdout || '[]') as { severity: string; ruleId: string; pointer?: string; message: string }[];
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect([run.status, run.stderr]).toEqual([0, '']);
      // Warnings are allowed but named, so a new one shows up in the test's output.
      const warnings = problems.map((p) => `${p.ruleId} ${p.pointer ?? ''}`);
      if (warnings.length > 0) process.stdout.write(`Redocly warnings:\n${warnings.join('\n')}\n`);
    }, 60_000);

    it('is what the committed client types were generated from', () => {
      const out = join(scratch, 'schema.d.ts');
      const run = spawnSync(resolve(root, 'node_modules/.bin/openapi-typescript'), [join(scratch, 'openapi.json'), '-o', out], { cwd: root, encoding: 'utf8' });
      expect(run.status).toBe(0);
      const regenerate = 'regenerate with `npx openapi-typescript http://localhost:4000/api/docs/openapi.json -o tests/support/partner-client/schema.d.ts` while `npm start` runs';
      expect({ upToDate: readFileSync(out, 'utf8') === readFileSync(CLIENT_TYPES, 'utf8'), how: regenerate }).toEqual({ upToDate: true, how: regenerate });
    }, 60_000);
  });

  describe('Swagger UI', () => {
    it('answers the page at /api/docs and its scripts and styles from node_modules, under a CSP that allows only them', async () => {
      const page = await fetch(`${suite.gatewayUrl}/api/docs`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      const html = await page.text();
      expect(html).toContain('<div id="swagger-ui"></div>');
      expect(html).not.toMatch(/<script>[^<]/); // no inline script: the CSP would refuse it
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const assets = [...html.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets).toEqual(expect.arrayContaining(['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui.css', '/api/docs/swagger-initializer.js']));
      for (const asset of assets) expect([asset, (await fetch(`${suite.gatewayUrl}${asset}`)).status]).toEqual([asset, 200]);
      const bundle = Buffer.from(await (await fetch(`${suite.gatewayUrl}/api/docs/swagger-ui-bundle.js`)).arrayBuffer());
      const installed = readFileSync(join(root, 'node_modules/swagger-ui-dist/swagger-ui-bundle.js'));
      expect(createHash('sha256').update(bundle).digest('hex')).toBe(createHash('sha256').update(installed).digest('hex'));
      expect(await (await fetch(`${suite.gatewayUrl}/api/docs/swagger-initializer.js`)).text()).toContain('"/api/docs/openapi.json"');
      expect((await fetch(`${suite.gatewayUrl}/api/docs/package.json`)).status).toBe(404);
    });
  });

  describe('a partner with the generated client', () => {
    it('creates, reads and lists customers page by page, and is refused as the document says', async () => {
      // An ADMIN sets up an owner and the partner's key, through the same typed client.
      const admin = createClient<paths>({ baseUrl: suite.gatewayUrl, headers: session.admin });
      const department = await admin.POST('/api/v1/departments', { body: { name: '合作部', code: 'P1' } });
      expect(department.response.status).toBe(201);
      const owner = await admin.POST('/api/v1/employees', { body: { name: '赵伙伴', role: 'EMPLOYEE', departmentId: department.data!.id } });
      expect(owner.response.status).toBe(201);
      const ownerId: string = owner.data!.id;
      const issued = await admin.POST('/api/v1/api-keys', { body: { name: 'partner CRM sync', scopes: ['customers:read', 'customers:write'] } });
      expect(issued.response.status).toBe(201);
      const partner = partnerClient(suite.gatewayUrl, issued.data!.key);

      // Create three customers, read one back.
      const ids: string[] = [];
      for (const [i, name] of ['钱一', '孙二', '李三'].entries()) {
        const created = await partner.POST('/api/v1/customers', { body: { name, phone: `137 0000 100${i}`, source: 'PARTNER', ownerId } });
        expect([created.response.status, created.error]).toEqual([201, undefined]);
        const customer = created.data!;
        expect([customer.name, customer.ownerId, customer.stage, customer.source]).toEqual([name, ownerId, 'POTENTIAL', 'PARTNER']);
        ids.push(customer.id);
      }
      const read = await partner.GET('/api/v1/customers/{id}', { params: { path: { id: ids[1] } } });
      expect(read.response.status).toBe(200);
      const customer = read.data!;
      expect([customer.id, customer.name, customer.departmentId]).toEqual([ids[1], '孙二', department.data!.id]);
      expect(customer.phone).toMatch(/\*{4}/); // no customers:pii: the phone is masked (P-1)
      expect(customer.phoneMasked).toBe(true);

      // List the owner's customers two at a time: two pages, every customer once, the last page says so.
      const first = await partner.GET('/api/v1/customers', { params: { query: { ownerId, limit: 2 } } });
      expect(first.response.status).toBe(200);
      const cursor: string | null = first.data!.nextCursor;
      expect(first.data!.items).toHaveLength(2);
      expect(cursor).toEqual(expect.any(String));
      const second = await partner.GET('/api/v1/customers', { params: { query: { ownerId, limit: 2, cursor: cursor! } } });
      expect(second.response.status).toBe(200);
      expect(second.data!.items).toHaveLength(1);
      expect(second.data!.nextCursor).toBeNull();
      const listed = [...first.data!.items, ...second.data!.items].map((c) => c.id);
      expect([...listed].sort()).toEqual([...ids].sort());

      // Refusals, each a problem with its code.
      const noScope = await partner.GET('/api/v1/complaints');
      expect([noScope.response.status, noScope.error?.code]).toEqual([403, 'FORBIDDEN']);
      expect(noScope.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(noScope.error?.detail).toContain('complaints:read');
      const missing = await partner.GET('/api/v1/customers/{id}', { params: { path: { id: randomUUID() } } });
      expect([missing.response.status, missing.error?.code, missing.data]).toEqual([404, 'CUSTOMER_NOT_FOUND', undefined]);
      const invalid = await partner.GET('/api/v1/customers', { params: { query: { ownerId, limit: 1000 } } });
      expect([invalid.response.status, invalid.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(invalid.error?.errors?.map((e) => e.field)).toEqual(['limit']);
      expect(invalid.error?.requestId).toBe(invalid.response.headers.get('x-request-id'));
      const badPhone = await partner.POST('/api/v1/customers', { body: { name: '周四', phone: 'not a phone', source: 'PARTNER', ownerId } });
      expect([badPhone.response.status, badPhone.error?.code]).toEqual([400, 'INVALID_PHONE']);
    });
  });
});
