import { compileRoutes, Route, ServiceName } from '../routing/route-table';
import { completeProblem, gatewayOperations, PROBLEM_SCHEMA, PROBLEM_SOURCE_SCHEMA, SECURITY_SCHEMES, serviceTitleOf, summaryOf } from './gateway-operations';
import { Operation, OpenApiDocument, operationsOf, PathItem, Schema, SCHEMA_REF_PREFIX, Tag } from './openapi-types';
import { flattenSingleAllOf, mergeSchemas, nullableTo31, pruneUnusedSchemas, renameSchemaRefs } from './schemas';

export const REST_PREFIX = '/api/v1';
const ADMIN_PREFIX = `${REST_PREFIX}/admin/`;
const PROBLEM_MEDIA = 'application/problem+json';

export interface ServiceDocument {
  service: ServiceName;
  document: OpenApiDocument;
}

export interface ComposeOptions {
  routes: readonly Route[];
  /** Production: nothing of /api/v1/admin is described (ops reach it; partners never do). */
  production: boolean;
  /** `servers[0].url`: `/` (the document's own origin) unless ops name the public URL. */
  serverUrl?: string;
  version?: string;
}

/** `/api/v1/customers/{id}` as a path the route table can match (`{id}` → a stand-in segment). */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '_');

/**
 * Which values of a path's parameters send it to `service`, for a path whose parameter is part of a route's
 * prefix: `/api/v1/admin/sweeps/{name}` reaches customers for `classification`, complaints for `complaint-sla`…
 */
function routedValues(path: string, service: ServiceName, routes: readonly Route[]): { parameter: string; values: string[] } | undefined {
  const parameter = /\{([^}]+)\}$/.exec(path)?.[1];
  if (!parameter) return undefined;
  const stem = path.slice(0, path.lastIndexOf('/') + 1);
  const values = routes
    .filter((r) => r.service === service && r.prefix.startsWith(stem) && !r.prefix.slice(stem.length).includes('/'))
    .map((r) => r.prefix.slice(stem.length));
  return values.length > 0 ? { parameter, values } : undefined;
}

/** The security an operation needs: none when public, else an employee's token or (when scopes say so) a partner's key. */
function securityOf(op: Operation): Operation['security'] {
  if (Array.isArray(op.security) && op.security.length === 0) return [];
  const scopes = op['x-partner-scopes'];
  return scopes && scopes.length > 0 ? [{ employee: [] }, { partner: [...scopes] }] : [{ employee: [] }];
}

/** Every 4xx (and 5xx) answer is problem+json with the one Problem schema, whatever the service wrote. */
function problemResponses(op: Operation): void {
  for (const [status, response] of Object.entries(op.responses)) {
    if (!/^[45]\d\d$/.test(status)) continue;
    response.content = { [PROBLEM_MEDIA]: { schema: { $ref: `${SCHEMA_REF_PREFIX}${PROBLEM_SCHEMA}` } } };
  }
  const has4xx = Object.keys(op.responses).some((s) => /^4\d\d$/.test(s));
  if (!has4xx) op.responses['400'] = { description: 'The request is not valid', content: { [PROBLEM_MEDIA]: { schema: { $ref: `${SCHEMA_REF_PREFIX}${PROBLEM_SCHEMA}` } } } };
}

/** A success answer without a description gets one: Nest writes `""` when the decorator names only a type. */
function describeResponses(op: Operation): void {
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response.description) response.description = status === '201' ? 'Created' : status === '202' ? 'Accepted' : status === '204' ? 'Done; no body' : 'OK';
  }
}

/**
 * Composes the services' OpenAPI 3.0 documents into the suite's one OpenAPI 3.1 document (docs/api/partners.md
 * "The OpenAPI document"): only the paths the gateway routes to each service under /api/v1 (none of /admin in
 * production), the gateway's own operations, component schemas in one namespace, one Problem schema for
 * every error, per-operation security and a tag per service capability.
 */
export function composeOpenApi(parts: readonly ServiceDocument[], options: ComposeOptions): OpenApiDocument {
  const route = compileRoutes(options.routes);
  const merged = mergeSchemas(
    parts.map((p) => ({ service: p.service, schemas: p.document.components?.schemas ?? {} })),
    { [PROBLEM_SOURCE_SCHEMA]: PROBLEM_SCHEMA },
  );
  const paths: Record<string, PathItem> = {};
  const tags = new Map<string, Tag>();
  const tagOwner = new Map<string, ServiceName>();

  for (const { service, document } of parts) {
    const names = merged.renamed.get(service)!;
    for (const [path, source] of Object.entries(document.paths ?? {})) {
      if (!path.startsWith(`${REST_PREFIX}/`) || (options.production && path.startsWith(ADMIN_PREFIX))) continue;
      const owned = route(concrete(path))?.service === service;
      const byValue = owned ? undefined : routedValues(path, service, options.routes);
      if (!owned && !byValue) continue;
      for (const [method, original] of operationsOf(source)) {
        const existing = paths[path]?.[method];
        if (existing) {
          // The same operation served by several services (a sweep by name): one operation, every name.
          if (byValue) addEnumValues(existing, byValue.parameter, byValue.values);
          continue;
        }
        const op = structuredClone(original);
        renameSchemaRefs(op, (name) => names.get(name) ?? name);
        if (byValue) setEnum(op, byValue.parameter, byValue.values);
        op.security = securityOf(op);
        op.summary ??= summaryOf(op.operationId ?? `${method} ${path}`);
        op.tags = (op.tags?.length ? op.tags : [service]).map((tag) => tagFor(tag, service, tags, tagOwner));
        problemResponses(op);
        describeResponses(op);
        paths[path] = { ...paths[path], [method]: op };
      }
    }
  }

  const own = gatewayOperations(parts.map((p) => p.service));
  for (const [path, item] of Object.entries(own.paths)) {
    paths[path] = { ...paths[path], ...item };
    for (const [, op] of operationsOf(item)) op.tags = (op.tags ?? []).map((tag) => tagFor(tag, 'customers', tags, tagOwner));
  }

  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Customer management suite API',
      version: options.version ?? '1',
      summary: 'REST for partners and tools: customers, campaigns, rewards, complaints and service visits',
      description: INFO_DESCRIPTION,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'The suite\'s gateway (one public origin)' }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { ...merged.schemas, ...own.schemas, [PROBLEM_SCHEMA]: completeProblem(merged.schemas[PROBLEM_SCHEMA]) },
      securitySchemes: SECURITY_SCHEMES,
    },
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
  nullableTo31(document);
  flattenSingleAllOf(document);
  pruneUnusedSchemas(document);
  return document;
}

/**
 * A tag per capability, named as the service names it; the same capability name in two services (other than
 * the shared `admin`) gets the service's name in front so each tag still belongs to one service.
 */
function tagFor(tag: string, service: ServiceName, tags: Map<string, Tag>, owner: Map<string, ServiceName>): string {
  const taken = owner.get(tag);
  const name = taken === undefined || taken === service || tag === 'admin' ? tag : `${service}/${tag}`;
  if (!tags.has(name)) {
    owner.set(name, service);
    const what = tag === 'admin' ? 'Administration of the running suite (ADMIN only, not in production)' : `${tag.replace(/-/g, ' ')}`;
    tags.set(name, { name, description: tag === 'admin' ? what : `${serviceTitleOf(service)} service: ${what}` });
  }
  return name;
}

function parameterSchema(op: Operation, parameter: string): Schema | undefined {
  return op.parameters?.find((p) => p.name === parameter && p.in === 'path')?.schema;
}

function setEnum(op: Operation, parameter: string, values: string[]): void {
  const schema = parameterSchema(op, parameter);
  if (schema) schema.enum = [...values].sort();
}

function addEnumValues(op: Operation, parameter: string, values: string[]): void {
  const schema = parameterSchema(op, parameter);
  if (schema) schema.enum = [...new Set([...((schema.enum as string[] | undefined) ?? []), ...values])].sort();
}

const INFO_DESCRIPTION = [
  'One description of every REST operation under `/api/v1`, composed by the gateway from the services\' own documents.',
  '',
  'Authenticate as an employee with `Authorization: Bearer <access token>` (`POST /api/v1/auth/login`), or as a',
  'partner with `X-Api-Key: <key>` (an ADMIN issues keys with `POST /api/v1/api-keys`); an operation a partner may',
  'call lists the key scopes it accepts. Errors are `application/problem+json` with a stable `code`.',
  'Lists answer `{items, nextCursor}`: pass `nextCursor` as `cursor` for the next page. See docs/api/partners.md.',
].join('\n');
