import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_CODES } from './limits';

/**
 * Last touch on every GraphQL error the gateway sends. Apollo Server labels all validation errors
 * GRAPHQL_VALIDATION_FAILED, so a refused limit gets its own code back from the rule's error. In production
 * nothing internal leaves: no stack trace, and no message of an unexpected gateway error.
 */
export function formatGatewayError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | undefined)?.originalError;
    const originalCode = original?.extensions?.code;
    const { stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (typeof originalCode === 'string' && LIMIT_CODES.has(originalCode)) extensions.code = originalCode;
    if (!production) return { ...formatted, extensions: { ...extensions, ...(stacktrace ? { stacktrace } : {}) } };
    if (extensions.code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR && !extensions.serviceName) {
      return { message: 'An unexpected error occurred', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return { ...formatted, extensions };
  };
}
