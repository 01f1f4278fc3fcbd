import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { graphQLErrorOf } from './graphql-error';
import { PROBLEM_CONTENT_TYPE, toAppError, toProblem } from './to-problem';

/**
 * The one place where errors meet transports: REST gets application/problem+json, GraphQL gets
 * `extensions.code`. Unexpected errors are logged here with their stack and reach callers as a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = toAppError(exception);
    if (error.status >= 500) this.logger.error((exception as Error)?.message ?? String(exception), (exception as Error)?.stack);

    if ((host.getType() as string) === 'graphql') {
      return graphQLErrorOf(error);
    }
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const requestId = request?.id ? String(request.id) : undefined;
    // RFC 9110 §10.2.3: a 429 (or 503) that knows when to come back says so in a header clients act on.
    const retryAfter = error.extra.retryAfterSeconds;
    if (typeof retryAfter === 'number' && retryAfter > 0) reply.header('retry-after', String(Math.ceil(retryAfter)));
    return reply
      .status(error.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(toProblem(error, request?.url?.split('?')[0], requestId));
  }
}
