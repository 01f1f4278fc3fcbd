import { compileRoutes, pathOf, ROUTES, SERVICES, SWEEPS } from './route-table';

describe('route table', () => {
  const match = compileRoutes();
  const serviceOf = (path: string) => match(path)?.service;

  it.each([
    // customers
    ['/api/v1/departments', 'customers'],
    ['/api/v1/departments/7f0c', 'customers'],
    ['/api/v1/employees', 'customers'],
    ['/api/v1/customers', 'customers'],
    ['/api/v1/customers/', 'customers'],
    ['/api/v1/customers/42', 'customers'],
    ['/api/v1/customers/42/transfer', 'customers'],
    ['/api/v1/customers/42/history', 'customers'],
    ['/api/v1/archive-batches', 'customers'],
    ['/api/v1/archive-batches/9/allocation', 'customers'],
    ['/api/v1/api-keys', 'customers'],
    ['/api/v1/api-keys/abc', 'customers'],
    ['/api/v1/auth/dev-token', 'customers'],
    ['/api/v1/auth/login', 'customers'],
    ['/api/v1/auth/refresh', 'customers'],
    ['/api/v1/auth/logout', 'customers'],
    ['/api/v1/auth/dev-tokens', 'customers'],
    ['/api/v1/me', 'customers'],
    ['/api/v1/me/password', 'customers'],
    ['/.well-known/jwks.json', 'customers'],
    ['/api/v1/admin/clock', 'customers'],
    ['/api/v1/takeover-reports', 'customers'],
    ['/api/v1/takeover-reports/5/approval', 'customers'],
    ['/api/v1/takeover-reports/5/decline', 'customers'],
    ['/api/v1/audit', 'customers'],
    // campaigns
    ['/api/v1/outreach-events', 'campaigns'],
    ['/api/v1/meetings', 'campaigns'],
    ['/api/v1/meetings/1/invitations', 'campaigns'],
    ['/api/v1/meetings/1/sheets', 'campaigns'],
    ['/api/v1/meetings/1/reconciliations', 'campaigns'],
    ['/api/v1/meetings/1/check-ins', 'campaigns'],
    ['/api/v1/meetings/1/sales', 'campaigns'],
    ['/api/v1/meetings/1/disputes', 'campaigns'],
    ['/api/v1/invitations/5/confirm', 'campaigns'],
    ['/api/v1/sales/5/refunds', 'campaigns'],
    ['/api/v1/meetings/1/pitches', 'campaigns'],
    ['/api/v1/meetings/1/pitch-consents', 'campaigns'],
    ['/api/v1/disputes/5/ruling', 'campaigns'],
    ['/api/v1/pitches/5/end', 'campaigns'],
    // rewards
    ['/api/v1/points/42', 'rewards'],
    ['/api/v1/points/42/redemptions', 'rewards'],
    ['/api/v1/fines', 'rewards'],
    // complaints
    ['/api/v1/complaints', 'complaints'],
    ['/api/v1/complaints/3/resolution', 'complaints'],
    // service-visits
    ['/api/v1/service-records', 'service-visits'],
    ['/api/v1/visit-plans', 'service-visits'],
    ['/api/v1/surveys', 'service-visits'],
    ['/api/v1/under-served', 'service-visits'],
    ['/api/v1/under-served/42', 'service-visits'],
    // sweeps by name
    ['/api/v1/admin/sweeps/classification', 'customers'],
    ['/api/v1/admin/sweeps/complaint-sla', 'complaints'],
    ['/api/v1/admin/sweeps/ledger-audit', 'rewards'],
    ['/api/v1/admin/sweeps/sheet-cutoff', 'campaigns'],
    ['/api/v1/admin/sweeps/service-adequacy', 'service-visits'],
    ['/api/v1/admin/sweeps/visit-plans', 'service-visits'],
  ])('routes %s to %s', (path, service) => {
    expect(serviceOf(path)).toBe(service);
  });

  it.each([
    '/api/v1/customersX',
    '/api/v1/customers-archive',
    '/api/v1/customer',
    '/api/v1/pointsy/1',
    '/api/v1/admin',
    '/api/v1/admin/sweeps',
    '/api/v1/admin/sweeps/',
    '/api/v1/admin/sweeps/unknown',
    '/api/v1/admin/sweeps/classificationX',
    '/api/v1/under-servedX',
    '/api/v1/auditX',
    '/api/v1/audit-log',
    '/api/v1/takeover-reportsX',
    '/api/v1/admin/clockwork',
    '/api/v1/authx',
    '/api/v1/mex',
    '/.well-known',
    '/.well-known/openid-configuration',
    '/.well-known/jwks.jsonx',
    '/api/v1',
    '/api/v1/',
    '/api/v2/customers',
    '/API/V1/customers',
    '/api/v1//customers',
    '//api/v1/customers',
    '/graphql',
    '/health',
    '',
    '/',
  ])('has no route for %s', (path) => {
    expect(match(path)).toBeUndefined();
  });

  it.each([
    '/api/v1/customers/../api-keys',
    '/api/v1/customers/./42',
    '/api/v1/customers/..',
    '/api/v1/customers/%2e%2e/api-keys',
    '/api/v1/customers/%2E./x',
  ])('refuses the dot segments of %s', (path) => {
    expect(match(path)).toBeUndefined();
  });

  it('keeps dots that are not whole segments', () => {
    expect(serviceOf('/api/v1/customers/a.b')).toBe('customers');
    expect(serviceOf('/api/v1/customers/...')).toBe('customers');
  });

  it('matches the path only, so callers strip the query first', () => {
    expect(pathOf('/api/v1/customers?phone=1&ownerId=2')).toBe('/api/v1/customers');
    expect(pathOf('/api/v1/customers')).toBe('/api/v1/customers');
    expect(pathOf('/api/v1/customers?')).toBe('/api/v1/customers');
    expect(serviceOf(pathOf('/api/v1/fines?employeeId=1'))).toBe('rewards');
  });

  it('prefers the longest prefix whatever the order of the rows', () => {
    const m = compileRoutes([
      { prefix: '/api/v1/admin', service: 'customers' },
      { prefix: '/api/v1/admin/sweeps/complaint-sla', service: 'complaints' },
    ]);
    expect(m('/api/v1/admin/sweeps/complaint-sla')?.service).toBe('complaints');
    expect(m('/api/v1/admin/sweeps/other')?.service).toBe('customers');
    expect(m('/api/v1/admin')?.prefix).toBe('/api/v1/admin');
  });

  it.each(['api/v1/x', '/api/v1/x/', '/api/v1/./x'])('refuses a malformed prefix %s', (prefix) => {
    expect(() => compileRoutes([{ prefix, service: 'customers' }])).toThrow(/must start with/);
  });

  it('refuses one prefix claimed by two services', () => {
    expect(() =>
      compileRoutes([
        { prefix: '/api/v1/x', service: 'customers' },
        { prefix: '/api/v1/x', service: 'rewards' },
      ]),
    ).toThrow(/claimed by customers and rewards/);
  });

  it('gives every service at least one route and every row a known service', () => {
    const owners = new Set(ROUTES.map((r) => r.service));
    expect([...owners].sort()).toEqual([...SERVICES].sort());
    for (const service of Object.values(SWEEPS)) expect(SERVICES).toContain(service);
    expect(() => compileRoutes(ROUTES)).not.toThrow();
  });
});
