import { GraphQLError } from 'graphql';
import { AppError } from './app-error';

/** An AppError as GraphQL reports it: the same `extensions.code` and status a REST caller would get. */
export function graphQLErrorOf(error: AppError): GraphQLError {
  return new GraphQLError(error.detail, { extensions: { code: error.code, status: error.status, ...error.extra } });
}

/**
 * Exception filters, like guards, do not run on field resolvers: a field that may refuse runs its work in here,
 * so its AppError reaches the caller as the ProblemDetailsFilter would have made it.
 */
export async function inField<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError) throw graphQLErrorOf(e);
    throw e;
  }
}
