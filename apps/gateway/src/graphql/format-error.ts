import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_CODES } from './limits';

/**
 * Last touch on every GraphQL error the gateway sends.
 * - Apollo Server labels all validation errors GRAPHQL_VALIDATION_FAILED; a refused limit gets its own code
 *   back from the rule's error.
 * - A subgraph's error carries `serviceName`; the stack trace Apollo attaches to it is the gateway's own
 *   re-wrapping, useless to anyone, so it goes.
 * - In production nothing internal leaves: no stack trace, and no message of an unexpected gateway error.
 */
export function formatGatewayError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | undefined)?.originalError;
    const originalCode = original?.extensions?.code;
    const { stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (typeof originalCode === 'string' && LIMIT_CODES.has(originalCode)) extensions.code = originalCode;
    if (production) {
      if (extensions.code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR && !extensions.serviceName) {
        return { message: 'An unexpected error occurred', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
      }
      return { ...formatted, extensions };
    }
    const keepStack = stacktrace !== undefined && !extensions.serviceName;
    return { ...formatted, extensions: keepStack ? { ...extensions, stacktrace } : extensions };
  };
}
