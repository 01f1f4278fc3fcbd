import { ServiceName } from '../routing/route-table';
import { PathItem, Schema, SCHEMA_REF_PREFIX } from './openapi-types';

/** The one error schema of the composed document; every service calls it ProblemView (@crm/http openapi.ts). */
export const PROBLEM_SCHEMA = 'Problem';
export const PROBLEM_SOURCE_SCHEMA = 'ProblemView';

/**
 * What every service's ProblemView says, completed with what @crm/errors toProblem adds: the request id, the
 * fields of a VALIDATION_FAILED, and the members a code adds of its own (`customerId` of CUSTOMER_PHONE_EXISTS).
 */
export function completeProblem(problem: Schema | undefined): Schema {
  const base: Schema = problem ? structuredClone(problem) : { type: 'object', properties: {}, required: [] };
  base.description = 'RFC 9457 problem details; branch on `code` and `status`. A code may add members of its own.';
  base.properties = {
    ...base.properties,
    requestId: { type: 'string', description: 'The request id (also the x-request-id header): quote it when reporting a problem' },
    errors: {
      type: 'array',
      description: 'VALIDATION_FAILED: what is wrong with which field',
      items: { type: 'object', properties: { field: { type: 'string', example: 'limit' }, reason: { type: 'string', example: 'limit must not be greater than 200' } }, required: ['field', 'reason'] },
    },
  };
  base.additionalProperties = true;
  return base;
}

export const SECURITY_SCHEMES: Record<string, Record<string, unknown>> = {
  employee: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An employee\'s access token from `POST /api/v1/auth/login` (5 minutes; renew with `POST /api/v1/auth/refresh`)',
  },
  partner: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'A partner API key issued by an ADMIN (`POST /api/v1/api-keys {name, scopes}`); an operation lists the scopes it accepts',
  },
};

const TITLES: Record<ServiceName, string> = {
  customers: 'Customers',
  campaigns: 'Campaigns',
  rewards: 'Rewards',
  complaints: 'Complaints',
  'service-visits': 'Service visits',
};

export const serviceTitleOf = (service: ServiceName): string => TITLES[service];

/** `registerCustomer` → `Register customer`: the summary of an operation whose handler gave none. */
export function summaryOf(operationId: string): string {
  const words = operationId
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/\s+/)
    .map((word, i) => (i === 0 ? word[0].toUpperCase() + word.slice(1) : word.toLowerCase()));
  return words.join(' ');
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: `${SCHEMA_REF_PREFIX}${PROBLEM_SCHEMA}` } } },
});

/**
 * What the gateway answers itself under /api/v1 (routing/personal-data-export.ts): P-3's export, assembled from
 * every service's part. Described here because no service's document has it.
 */
export function gatewayOperations(services: readonly ServiceName[]): { paths: Record<string, PathItem>; schemas: Record<string, Schema> } {
  const sections = Object.fromEntries(
    services.map((service) => [
      service,
      {
        type: ['object', 'null'],
        additionalProperties: true,
        description: `What the ${service} service holds about the customer (null: it never heard of them)`,
      } as Schema,
    ]),
  );
  const exportSchema: Schema = {
    type: 'object',
    required: ['customerId', 'exportedAt', 'sections'],
    properties: {
      customerId: { type: 'string', format: 'uuid' },
      exportedAt: { type: ['string', 'null'], format: 'date-time', example: '2026-03-01T10:00:00.000Z', description: 'customers\' time of the export' },
      sections: { type: 'object', properties: sections, required: [...services], description: 'One section per service' },
    },
  };
  const exportItem: PathItem = {
    get: {
      operationId: 'exportCustomerPersonalData',
      summary: 'Export everything the suite holds about a customer (P-3)',
      description: 'One JSON document, a section per service; each service audits the export. Never partial: a service that cannot answer makes it 503.',
      tags: ['personal-data'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      security: [{ employee: [] }],
      responses: {
        '200': { description: 'The export', content: { 'application/json': { schema: { $ref: `${SCHEMA_REF_PREFIX}PersonalDataExport` } } } },
        '400': problem('The request is not valid (VALIDATION_FAILED)'),
        '401': problem('No valid credentials (UNAUTHENTICATED)'),
        '403': problem('The caller may not export this customer\'s data (FORBIDDEN)'),
        '404': problem('No such customer, or not one the caller may see'),
        '429': problem('Rate limit reached (RATE_LIMITED); see Retry-After'),
        '503': problem('A service could not give its part (SERVICE_UNAVAILABLE)'),
      },
    },
  };
  return { paths: { '/api/v1/customers/{id}/export': exportItem }, schemas: { PersonalDataExport: exportSchema } };
}

