import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, Kind } from 'graphql';
import { costError, operationCost } from './cost-limit.rule';

/**
 * The cost check again, once the variables are known: `customers(first: $n)` passes validation at the default
 * size (validation results are cached per document, so they cannot depend on variables) and is measured here
 * with the caller's `$n` before anything is sent to a subgraph.
 */
export function costLimitPlugin(maxCost: number, defaultListSize: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation?.variableDefinitions?.length) return; // nothing changed since validation
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const cost = operationCost(schema, operation, (name) => fragments.get(name), { defaultListSize, variables: request.variables ?? {} });
          if (cost > maxCost) throw costError(operation, maxCost, cost);
        },
      };
    },
  };
}
