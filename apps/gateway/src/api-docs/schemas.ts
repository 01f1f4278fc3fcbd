import { OpenApiDocument, Schema, SCHEMA_REF_PREFIX, walk } from './openapi-types';

/** Keywords that describe a schema rather than constrain it: they stay outside when a nullable schema is wrapped. */
const ANNOTATIONS = ['description', 'example', 'examples', 'default', 'title', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * OpenAPI 3.0's `nullable: true` in 3.1 (JSON Schema 2020-12) terms, in place: a typed schema gets `null` among
 * its types (and its enum values); a reference or a composition becomes `anyOf: [that, {type: 'null'}]`.
 */
export function nullableTo31(tree: unknown): void {
  walk(tree, (node) => {
    if (node.nullable === undefined) return;
    const nullable = node.nullable === true;
    delete node.nullable;
    if (!nullable) return;
    if (typeof node.type === 'string') {
      node.type = [node.type, 'null'];
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
      return;
    }
    if (Array.isArray(node.type)) {
      if (!node.type.includes('null')) node.type = [...(node.type as string[]), 'null'];
      return;
    }
    const inner: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (ANNOTATIONS.includes(key)) continue;
      inner[key] = value;
      delete node[key];
    }
    // `{allOf: [{$ref}]}` is how Nest writes a reference with a description: the reference alone says it.
    const only = Array.isArray(inner.allOf) && inner.allOf.length === 1 && Object.keys(inner).length === 1 ? (inner.allOf[0] as Record<string, unknown>) : inner;
    node.anyOf = [only, { type: 'null' }];
  });
}

/**
 * `{description, allOf: [{$ref}]}`, how Nest writes a described reference in 3.0, is `{description, $ref}` in 3.1
 * (a reference may have siblings now), in place.
 */
export function flattenSingleAllOf(tree: unknown): void {
  walk(tree, (node) => {
    const allOf = node.allOf;
    if (!Array.isArray(allOf) || allOf.length !== 1) return;
    const only = allOf[0] as Record<string, unknown>;
    if (typeof only.$ref !== 'string' || Object.keys(only).length !== 1 || '$ref' in node) return;
    delete node.allOf;
    node.$ref = only.$ref;
  });
}

/** Rewrites every `$ref` to a component schema through `rename` (old name → new name), in place. */
export function renameSchemaRefs(tree: unknown, rename: (name: string) => string): void {
  walk(tree, (node) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF_PREFIX)) {
      node.$ref = SCHEMA_REF_PREFIX + rename(node.$ref.slice(SCHEMA_REF_PREFIX.length));
    }
  });
}

/** Names of the component schemas a tree refers to. */
function referencedSchemas(tree: unknown): string[] {
  const names: string[] = [];
  walk(tree, (node) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF_PREFIX)) names.push(node.$ref.slice(SCHEMA_REF_PREFIX.length));
  });
  return names;
}

/** Drops the component schemas no path reaches (directly or through other schemas): routes left out take theirs along. */
export function pruneUnusedSchemas(document: OpenApiDocument): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const reached = new Set<string>();
  const pending = referencedSchemas(document.paths);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name) || !schemas[name]) continue;
    reached.add(name);
    pending.push(...referencedSchemas(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
}

/** `service-visits` → `ServiceVisits`: the prefix of a schema name two services define differently. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * One namespace of component schemas for the services' documents: a name only one service uses stays; a name
 * several use for the same schema is one schema; a name they use for different schemas gets each service's
 * prefix (`CampaignsNoteView`, `ComplaintsNoteView`). `renamed` maps a service's own names to the composed ones.
 */
export function mergeSchemas(
  parts: readonly { service: string; schemas: Record<string, Schema> }[],
  fixedNames: Readonly<Record<string, string>> = {},
): { schemas: Record<string, Schema>; renamed: Map<string, Map<string, string>> } {
  const definitions = new Map<string, Map<string, string>>(); // name → service → JSON
  for (const { service, schemas } of parts) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (!definitions.has(name)) definitions.set(name, new Map());
      definitions.get(name)!.set(service, JSON.stringify(schema));
    }
  }
  const renamed = new Map<string, Map<string, string>>(parts.map((p) => [p.service, new Map()]));
  for (const [name, byService] of definitions) {
    const shared = new Set(byService.values()).size === 1;
    for (const service of byService.keys()) {
      renamed.get(service)!.set(name, fixedNames[name] ?? (shared ? name : `${pascalCase(service)}${name}`));
    }
  }
  const schemas: Record<string, Schema> = {};
  for (const { service, schemas: own } of parts) {
    const names = renamed.get(service)!;
    for (const [name, schema] of Object.entries(own)) {
      const target = names.get(name)!;
      if (schemas[target]) continue;
      const copy = structuredClone(schema);
      renameSchemaRefs(copy, (ref) => names.get(ref) ?? ref);
      schemas[target] = copy;
    }
  }
  return { schemas, renamed };
}
