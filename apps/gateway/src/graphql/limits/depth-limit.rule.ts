import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { GRAPHQL_DEPTH_LIMIT, limitError, operationLabel } from './limit-error';

/** Deeper than this many nested fragments the document is refused as too deep, whatever its fields. */
const MAX_FRAGMENT_NESTING = 500;

/**
 * How deep an operation's selections nest, counting fields (`{ a { b } }` is 2) and looking through named and
 * inline fragments. Introspection fields (`__schema`, `__type`, `__typename`) do not count: introspection is
 * governed separately. Counting stops just past `cap`, so a hostile document costs no more than the limit.
 */
export function operationDepth(
  operation: OperationDefinitionNode,
  fragmentOf: (name: string) => FragmentDefinitionNode | undefined,
  cap = Number.MAX_SAFE_INTEGER,
): number {
  // A fragment's depth does not depend on where it is spread: computed once, fragment bombs stay linear.
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const depthOf = (set: SelectionSetNode, level: number, nesting: number): number => {
    if (nesting > MAX_FRAGMENT_NESTING) return Number.POSITIVE_INFINITY;
    let max = 0;
    for (const selection of set.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (level > cap) return Number.POSITIVE_INFINITY;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet, level + 1, nesting) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet, level, nesting + 1);
      } else {
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) {
          depth = known;
        } else {
          const fragment = fragmentOf(name);
          // Unknown fragments and cycles are other rules' errors; they add no depth here.
          if (!fragment || inProgress.has(name)) continue;
          inProgress.add(name);
          depth = depthOf(fragment.selectionSet, 1, nesting + 1);
          inProgress.delete(name);
          memo.set(name, depth);
        }
        // A fragment's depth is counted from its own top; placed at this level it reaches level - 1 + depth.
        if (level - 1 + depth > cap) return Number.POSITIVE_INFINITY;
      }
      if (depth > max) max = depth;
    }
    return max;
  };

  return depthOf(operation.selectionSet, 1, 0);
}

/** Refuses operations that nest deeper than `maxDepth` (GRAPHQL_DEPTH_LIMIT). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const depth = operationDepth(node, (name) => context.getFragment(name) ?? undefined, maxDepth);
      if (depth > maxDepth) {
        context.reportError(
          limitError(GRAPHQL_DEPTH_LIMIT, `${operationLabel(node.name?.value)} is nested deeper than the limit of ${maxDepth}.`, node, maxDepth, depth),
        );
      }
    },
  });
}
