import { ASTNode, GraphQLError } from 'graphql';

export const GRAPHQL_DEPTH_LIMIT = 'GRAPHQL_DEPTH_LIMIT';
export const GRAPHQL_ALIAS_LIMIT = 'GRAPHQL_ALIAS_LIMIT';
export const GRAPHQL_COST_LIMIT = 'GRAPHQL_COST_LIMIT';

export const LIMIT_CODES: ReadonlySet<string> = new Set([GRAPHQL_DEPTH_LIMIT, GRAPHQL_ALIAS_LIMIT, GRAPHQL_COST_LIMIT]);

/**
 * A refused operation. Apollo Server re-labels every validation error GRAPHQL_VALIDATION_FAILED; the
 * gateway's formatError puts this code back (see format-error.ts), so clients can tell which limit they hit.
 */
export function limitError(code: string, message: string, node: ASTNode | undefined, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code, limit, actual: Number.isFinite(actual) ? actual : null, http: { status: 400 } },
  });
}

export function operationLabel(name: string | undefined): string {
  return name ? `Operation "${name}"` : 'The operation';
}
