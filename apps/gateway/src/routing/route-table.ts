/**
 * The ONE table that says which service owns which REST path (docs/api/partners.md). Adding a service means adding
 * its name to SERVICES, its rows to ROUTES, its `<SERVICE>_URL` variable to config.ts and its schema.graphql.
 */
export const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'] as const;

export type ServiceName = (typeof SERVICES)[number];

export interface Route {
  /** A path prefix, matched on whole segments: `/api/v1/customers` owns `/api/v1/customers/42`, not `/api/v1/customersX`. */
  readonly prefix: string;
  readonly service: ServiceName;
}

/** Sweeps run on demand with `POST /api/v1/admin/sweeps/{name}` by the service that owns the rule. */
export const SWEEPS: Readonly<Record<string, ServiceName>> = {
  classification: 'customers',
  'complaint-sla': 'complaints',
  'ledger-audit': 'rewards',
  'sheet-cutoff': 'campaigns',
  'service-adequacy': 'service-visits',
  'visit-plans': 'service-visits',
};

/** The issuer's public keys (JWKS), routed like the REST paths but outside /api/v1. */
export const WELL_KNOWN_JWKS = '/.well-known/jwks.json';

export const ROUTES: readonly Route[] = [
  // customers
  { prefix: '/api/v1/departments', service: 'customers' },
  { prefix: '/api/v1/employees', service: 'customers' },
  { prefix: '/api/v1/customers', service: 'customers' },
  { prefix: '/api/v1/archive-batches', service: 'customers' },
  { prefix: '/api/v1/api-keys', service: 'customers' },
  { prefix: '/api/v1/auth/dev-token', service: 'customers' },
  // Identity: sign-in, refresh and logout (dev-token keeps its own row above), the caller's own record, and the
  // public keys access tokens are verified with (needs no token; served at the origin's root, not under /api/v1).
  { prefix: '/api/v1/auth', service: 'customers' },
  { prefix: '/api/v1/me', service: 'customers' },
  { prefix: WELL_KNOWN_JWKS, service: 'customers' },
  // V-2: the resource director decides takeover reports; P-2: the audit trail of personal-data reads and ownership changes
  { prefix: '/api/v1/takeover-reports', service: 'customers' },
  { prefix: '/api/v1/audit', service: 'customers' },
  // The clock offset lives in Redis and every service follows it, so one service is enough to move it.
  { prefix: '/api/v1/admin/clock', service: 'customers' },
  // campaigns
  { prefix: '/api/v1/outreach-events', service: 'campaigns' },
  { prefix: '/api/v1/meetings', service: 'campaigns' },
  { prefix: '/api/v1/invitations', service: 'campaigns' },
  { prefix: '/api/v1/sales', service: 'campaigns' },
  { prefix: '/api/v1/disputes', service: 'campaigns' },
  // J-10: ending a pitch (starting one and the holder's consent live under /api/v1/meetings)
  { prefix: '/api/v1/pitches', service: 'campaigns' },
  // rewards
  { prefix: '/api/v1/points', service: 'rewards' },
  { prefix: '/api/v1/fines', service: 'rewards' },
  // complaints
  { prefix: '/api/v1/complaints', service: 'complaints' },
  // service-visits
  { prefix: '/api/v1/service-records', service: 'service-visits' },
  { prefix: '/api/v1/visit-plans', service: 'service-visits' },
  { prefix: '/api/v1/surveys', service: 'service-visits' },
  // V-2: the resource director's list of under-served customers (reassigning is customers' transfer)
  { prefix: '/api/v1/under-served', service: 'service-visits' },
  // sweeps, by name
  ...Object.entries(SWEEPS).map(([name, service]) => ({ prefix: `/api/v1/admin/sweeps/${name}`, service })),
];

export type RouteMatch = { readonly service: ServiceName; readonly prefix: string } | undefined;

/**
 * Compiles a table into a matcher. Prefixes are tried longest first, so a more specific row always wins
 * whatever the order of the table. The path is the request path without its query string.
 */
export function compileRoutes(routes: readonly Route[] = ROUTES): (path: string) => RouteMatch {
  for (const route of routes) {
    if (!route.prefix.startsWith('/') || route.prefix.endsWith('/') || hasDotSegment(route.prefix)) {
      throw new Error(`Route prefix "${route.prefix}" must start with "/", not end with "/" and have no "." or ".." segment`);
    }
  }
  const seen = new Map<string, ServiceName>();
  for (const route of routes) {
    const owner = seen.get(route.prefix);
    if (owner && owner !== route.service) throw new Error(`Route prefix "${route.prefix}" is claimed by ${owner} and ${route.service}`);
    seen.set(route.prefix, route.service);
  }
  const ordered = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);

  return (path) => {
    // A dot segment would let `/api/v1/customers/../api-keys` reach one service under another's prefix; a
    // well-behaved client never sends one, so it has no route.
    if (hasDotSegment(path)) return undefined;
    for (const route of ordered) {
      if (path.startsWith(route.prefix) && (path.length === route.prefix.length || path.charCodeAt(route.prefix.length) === SLASH)) {
        return { service: route.service, prefix: route.prefix };
      }
    }
    return undefined;
  };
}

const SLASH = 0x2f;

/** `.` or `..` as a whole segment, also percent-encoded (`%2e`), which some servers decode before routing. */
function hasDotSegment(path: string): boolean {
  return /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path);
}

/** Splits `request.url` (path and query as received) into the path the table is matched on. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
