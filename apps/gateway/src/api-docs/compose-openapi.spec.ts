import { ROUTES } from '../routing/route-table';
import { composeOpenApi, ServiceDocument } from './compose-openapi';
import { OpenApiDocument, Operation } from './openapi-types';

const problem = { description: 'Refused', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemView' } } } };
const PROBLEM_VIEW = { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] };

const op = (operationId: string, view: string, extra: Partial<Operation> = {}): Operation => ({
  operationId,
  tags: ['things'],
  responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: `#/components/schemas/${view}` } } } }, '400': problem },
  ...extra,
});

/** A service's document as @crm/http writes it (OpenAPI 3.0, global security, ProblemView). */
function serviceDocument(paths: OpenApiDocument['paths'], schemas: Record<string, object>): OpenApiDocument {
  return {
    openapi: '3.0.0',
    info: { title: 'x', version: '1' },
    paths,
    security: [{ employee: [] }, { partner: [] }],
    components: { schemas: { ProblemView: PROBLEM_VIEW, ...schemas } },
  };
}

const customers: ServiceDocument = {
  service: 'customers',
  document: serviceDocument(
    {
      '/api/v1/customers': { get: op('listCustomers', 'NoteView', { 'x-partner-scopes': ['customers:read'], summary: 'List customers' }) },
      '/api/v1/auth/login': { post: op('signIn', 'TokensView', { security: [] }) },
      '/api/v1/admin/clock': { put: op('moveClock', 'ClockView') },
      '/api/v1/admin/sweeps/{name}': {
        post: op('runSweep', 'ClockView', { parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }] }),
      },
      '/api/v1/personal-data/{customerId}': { get: op('exportCustomersData', 'UnusedView') },
    },
    {
      NoteView: { type: 'object', properties: { text: { type: 'string' }, by: { type: 'string', nullable: true }, tier: { nullable: true, allOf: [{ $ref: '#/components/schemas/Tier' }] } } },
      Tier: { type: 'string', enum: ['A', 'B'] },
      TokensView: { type: 'object', properties: { accessToken: { type: 'string' } } },
      ClockView: { type: 'object', properties: { now: { type: 'string' } } },
      UnusedView: { type: 'object', properties: { x: { type: 'string' } } },
    },
  ),
};

const complaints: ServiceDocument = {
  service: 'complaints',
  document: serviceDocument(
    {
      '/api/v1/complaints': { get: op('listComplaints', 'NoteView') },
      // Every service serves the clock and the sweeps; the gateway routes the clock to customers only.
      '/api/v1/admin/clock': { put: op('moveClock', 'ClockView') },
      '/api/v1/admin/sweeps/{name}': {
        post: op('runSweep', 'ClockView', { parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }] }),
      },
    },
    {
      NoteView: { type: 'object', properties: { body: { type: 'string' } } },
      ClockView: { type: 'object', properties: { now: { type: 'string' } } },
    },
  ),
};

describe('composeOpenApi', () => {
  const composed = composeOpenApi([customers, complaints], { routes: ROUTES, production: false });

  it('keeps the paths the gateway routes to each service, and the gateway\'s own export', () => {
    expect(Object.keys(composed.paths)).toEqual([
      '/api/v1/admin/clock',
      '/api/v1/admin/sweeps/{name}',
      '/api/v1/auth/login',
      '/api/v1/complaints',
      '/api/v1/customers',
      '/api/v1/customers/{id}/export',
    ]);
    expect(composed.openapi).toBe('3.1.0');
    expect(composed.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('describes a sweep once, with the names each service runs', () => {
    const parameter = composed.paths['/api/v1/admin/sweeps/{name}'].post!.parameters![0];
    expect(parameter.schema!.enum).toEqual(['classification', 'complaint-sla']);
  });

  it('prefixes a schema name two services use differently, merges identical ones, and drops the unused', () => {
    const schemas = composed.components!.schemas!;
    expect(Object.keys(schemas).sort()).toEqual(['ClockView', 'ComplaintsNoteView', 'CustomersNoteView', 'PersonalDataExport', 'Problem', 'Tier', 'TokensView']);
    const ref = (path: string) => JSON.stringify(composed.paths[path].get!.responses['200']);
    expect(ref('/api/v1/customers')).toContain('#/components/schemas/CustomersNoteView');
    expect(ref('/api/v1/complaints')).toContain('#/components/schemas/ComplaintsNoteView');
    expect(Object.keys(schemas.Problem.properties!)).toEqual(['code', 'requestId', 'errors']);
    expect(schemas.Problem.additionalProperties).toBe(true);
    expect(composed.paths['/api/v1/complaints'].get!.responses['400'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
  });

  it('writes 3.0 nullables as 3.1 types', () => {
    const note = composed.components!.schemas!.CustomersNoteView.properties!;
    expect(note.by).toEqual({ type: ['string', 'null'] });
    expect(note.tier).toEqual({ anyOf: [{ $ref: '#/components/schemas/Tier' }, { type: 'null' }] });
    expect(JSON.stringify(composed)).not.toContain('"nullable"');
  });

  it('asks for a token on every operation, a partner key only where the policy names scopes, nothing to sign in', () => {
    expect(composed.paths['/api/v1/customers'].get!.security).toEqual([{ employee: [] }, { partner: ['customers:read'] }]);
    expect(composed.paths['/api/v1/complaints'].get!.security).toEqual([{ employee: [] }]);
    expect(composed.paths['/api/v1/auth/login'].post!.security).toEqual([]);
    expect(composed.security).toBeUndefined();
  });

  it('gives every operation a summary and a described tag', () => {
    expect(composed.paths['/api/v1/customers'].get!.summary).toBe('List customers');
    expect(composed.paths['/api/v1/complaints'].get!.summary).toBe('List complaints');
    // `things` is a tag of both services here: the second one's gets its name in front.
    expect(composed.paths['/api/v1/complaints'].get!.tags).toEqual(['complaints/things']);
    expect(composed.tags!.every((t) => t.description)).toBe(true);
  });

  it('describes nothing of /admin in production', () => {
    const production = composeOpenApi([customers, complaints], { routes: ROUTES, production: true });
    expect(Object.keys(production.paths).filter((p) => p.includes('/admin'))).toEqual([]);
    expect(production.components!.schemas!.ClockView).toBeUndefined();
  });
});
