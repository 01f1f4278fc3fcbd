import { GraphQLError } from 'graphql';
import { AppError } from '@crm/errors';

/**
 * Exception filters, like guards, do not run on field resolvers: a field that refuses turns its AppError into
 * the GraphQL error the ProblemDetailsFilter would have made (same `extensions.code` and status).
 */
export async function inField<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError) throw new GraphQLError(e.detail, { extensions: { code: e.code, status: e.status, ...e.extra } });
    throw e;
  }
}
