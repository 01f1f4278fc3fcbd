import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { GRAPHQL_ALIAS_LIMIT, limitError, operationLabel } from './limit-error';

const MAX_FRAGMENT_NESTING = 500;

/**
 * How many aliases an operation asks for, fragments included and counted each time they are spread: aliases
 * are how one request repeats an expensive field many times, and each spread repeats its aliases too.
 */
export function operationAliases(operation: OperationDefinitionNode, fragmentOf: (name: string) => FragmentDefinitionNode | undefined): number {
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const count = (set: SelectionSetNode, nesting: number): number => {
    if (nesting > MAX_FRAGMENT_NESTING) return Number.POSITIVE_INFINITY;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) total += 1;
        if (selection.selectionSet) total += count(selection.selectionSet, nesting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, nesting + 1);
      } else {
        const name = selection.name.value;
        let inFragment = memo.get(name);
        if (inFragment === undefined) {
          const fragment = fragmentOf(name);
          if (!fragment || inProgress.has(name)) continue;
          inProgress.add(name);
          inFragment = count(fragment.selectionSet, nesting + 1);
          inProgress.delete(name);
          memo.set(name, inFragment);
        }
        total += inFragment;
      }
    }
    return total;
  };

  return count(operation.selectionSet, 0);
}

/** Refuses operations with more than `maxAliases` aliases (GRAPHQL_ALIAS_LIMIT). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const aliases = operationAliases(node, (name) => context.getFragment(name) ?? undefined);
      if (aliases > maxAliases) {
        context.reportError(
          limitError(GRAPHQL_ALIAS_LIMIT, `${operationLabel(node.name?.value)} uses ${Number.isFinite(aliases) ? aliases : 'too many'} aliases; the limit is ${maxAliases}.`, node, maxAliases, aliases),
        );
      }
    },
  });
}
