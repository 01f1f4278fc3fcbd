/**
 * The parts of an OpenAPI document the gateway reads and writes while composing (3.0 in, 3.1 out). Anything
 * else in a service's document is carried over as it is.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: Json[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  description?: string;
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  [key: string]: unknown;
}

export interface MediaType {
  schema?: Schema;
  [key: string]: unknown;
}

export interface Response {
  description: string;
  content?: Record<string, MediaType>;
  [key: string]: unknown;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType>; [key: string]: unknown };
  responses: Record<string, Response>;
  security?: SecurityRequirement[];
  'x-partner-scopes'?: string[];
  [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>> & { parameters?: Parameter[] };

export interface Tag {
  name: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: { url: string; description?: string }[];
  paths: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  };
  security?: SecurityRequirement[];
  tags?: Tag[];
  [key: string]: unknown;
}

/** Each operation of a path item, with its method. */
export function operationsOf(item: PathItem): [(typeof HTTP_METHODS)[number], Operation][] {
  return HTTP_METHODS.flatMap((method) => (item[method] ? [[method, item[method]] as [(typeof HTTP_METHODS)[number], Operation]] : []));
}

/** Calls `visit` on every object in a JSON tree, depth first (a schema, a parameter, a response…). */
export function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value !== null && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

export const SCHEMA_REF_PREFIX = '#/components/schemas/';
