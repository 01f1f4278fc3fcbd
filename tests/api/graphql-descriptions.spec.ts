import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';

/**
 * The contract asks for every type and field described (api-contract.md): every type (object, input, enum,
 * scalar), field, input field and argument of the supergraph the gateway serves has a description. Federation
 * internals (`_…`, `join__*`, `link__*`), the Query and Mutation types themselves and the built-in scalars are
 * not the suite's to describe. Enum values are not required (yet).
 */
const SUPERGRAPH = resolve(__dirname, '..', '..', 'apps', 'gateway', 'supergraph.graphql');

const isInternal = (name: string) => name.startsWith('_') || name.startsWith('join__') || name.startsWith('link__');
const described = (description: string | null | undefined) => !!description && description.trim().length > 0;

export function undescribedElements(sdl: string): string[] {
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (isInternal(type.name) || type.name.startsWith('__')) continue;
    if (isScalarType(type) && isSpecifiedScalarType(type)) continue;
    if (!roots.has(type as never) && !described(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isInternal(field.name)) continue;
        if (!described(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!described(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
  }
  return missing;
}

describe('GraphQL descriptions (api-contract.md: every type and field described)', () => {
  it('every type, field and argument of the supergraph has a description', () => {
    expect(undescribedElements(readFileSync(SUPERGRAPH, 'utf8'))).toEqual([]);
  });
});
