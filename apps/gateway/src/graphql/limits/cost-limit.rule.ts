import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';
import { GRAPHQL_COST_LIMIT, limitError, operationLabel } from './limit-error';

/** Arguments that say how many items a list or connection field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
const MAX_FRAGMENT_NESTING = 500;

export interface CostOptions {
  /** Items assumed for a list or connection field the operation does not size (`first`/`limit`). */
  defaultListSize: number;
  /** Variable values when known (at execution); during validation they are not, and the default size applies. */
  variables?: Record<string, unknown>;
}

/**
 * Estimated cost of an operation: every field costs 1, multiplied by the number of items its parents return.
 * A list field returns its `first`/`limit` argument's items, or `defaultListSize`. A connection field (one
 * that takes `first`/`limit` but returns an object) hands its size to the lists directly under it (`edges`,
 * `nodes`), so a page of 20 is counted 20 times, not 20 × 10.
 *
 *   customer(id) { id name owner { id } }            → 1 + (1 + 1 + (1 + 1)) = 5
 *   customers(first: 20) { edges { node { id } } }   → 1 + (1 + 20 × (1 + 1)) = 42
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragmentOf: (name: string) => FragmentDefinitionNode | undefined,
  options: CostOptions,
): number {
  const variableDefaults = new Map<string, VariableDefinitionNode>();
  for (const definition of operation.variableDefinitions ?? []) variableDefaults.set(definition.variable.name.value, definition);

  const intOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    const given = options.variables?.[name];
    if (typeof given === 'number' && Number.isFinite(given)) return given;
    const fallback = variableDefaults.get(name)?.defaultValue;
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  };

  /** The size a field asks for, or undefined when the field is not sized at all. */
  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | undefined => {
    for (const argument of field.arguments ?? []) {
      if (!SIZE_ARGUMENTS.includes(argument.name.value)) continue;
      const n = intOf(argument.value);
      if (n !== undefined) return Math.max(0, n);
    }
    const sizable = definition?.args.some((a) => SIZE_ARGUMENTS.includes(a.name));
    return sizable ? options.defaultListSize : undefined;
  };

  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  /** Cost of one selection set per item of its parent; `handedSize` is what a connection passes down. */
  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, handedSize: number | undefined, nesting: number): number => {
    if (nesting > MAX_FRAGMENT_NESTING) return Number.POSITIVE_INFINITY;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection is governed by its own switch, not by the cost of data.
        if (selection.name.value.startsWith('__')) continue;
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        total += 1;
        if (!selection.selectionSet) continue;
        const size = sizeOf(selection, definition);
        const returnsList = definition ? isListType(getNullableType(definition.type)) : false;
        const items = returnsList ? (size ?? handedSize ?? options.defaultListSize) : 1;
        const handOn = returnsList ? undefined : size;
        total += items * costOf(selection.selectionSet, definition ? getNamedType(definition.type) : undefined, handOn, nesting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined, handedSize, nesting + 1);
      } else {
        const name = selection.name.value;
        const key = `${name}|${handedSize ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          const fragment = fragmentOf(name);
          if (!fragment || inProgress.has(name)) continue;
          inProgress.add(name);
          cost = costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, handedSize, nesting + 1);
          inProgress.delete(name);
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return costOf(operation.selectionSet, root ?? undefined, undefined, 0);
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost` (GRAPHQL_COST_LIMIT). Validation does not know the
 * variables, so a size given as a variable counts as its default here; costLimitPlugin checks again with the
 * actual values before the operation runs.
 */
export function costLimitRule(maxCost: number, defaultListSize: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const cost = operationCost(context.getSchema(), node, (name) => context.getFragment(name) ?? undefined, { defaultListSize });
      if (cost > maxCost) context.reportError(costError(node, maxCost, cost));
    },
  });
}

export function costError(node: OperationDefinitionNode, maxCost: number, cost: number) {
  const shown = Number.isFinite(cost) ? String(cost) : 'beyond measure';
  return limitError(GRAPHQL_COST_LIMIT, `${operationLabel(node.name?.value)} has an estimated cost of ${shown}; the limit is ${maxCost}.`, node, maxCost, cost);
}
