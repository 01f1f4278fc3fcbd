import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { PROBLEM_CONTENT_TYPE, toAppError, toProblem } from '@crm/errors';
import { idempotencyEffects } from './idempotency-effects';
import { IdempotencyErrors } from './idempotency.errors';
import { IdempotencyScope, IdempotencyRepository, StoredAnswer, StoredKey } from './idempotency.repository';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_TTL_MS, IDEMPOTENCY_REPLAYED_HEADER, idempotencyCallerOf, idempotencyKeyFrom } from './idempotency-key';
import { keyMaterialOf, openAnswer, requestHashOf, sealAnswer } from './idempotency-seal';
import { NO_IDEMPOTENCY_KEY } from './idempotency.openapi';

type Request = FastifyRequest & { principal?: Principal };

/** Claims a key, replays its answer or refuses: at most a few rounds, as twins free or expire keys meanwhile. */
const CLAIM_ROUNDS = 3;

/**
 * The Idempotency-Key of every REST `POST` (docs/api/partners.md "Retrying safely"), one rule for every
 * service. It runs after the auth guard, so a key is its caller's own (employee or partner key), and before
 * validation, so a refused body is an answer like any other.
 *
 * 1. Claim: INSERT … ON CONFLICT DO NOTHING of (caller, method, path, key) with the body's hash, committed
 *    before the handler runs, so a concurrent twin finds it.
 * 2. A twin finds the row: another body is 422 IDEMPOTENCY_KEY_REUSED; a stored answer is sent again with
 *    `Idempotency-Replayed: true`; a claim still running is 409 IDEMPOTENCY_KEY_IN_PROGRESS (Retry-After: 1).
 * 3. The handler runs. When one of its transactions commits, the same transaction marks the row
 *    `effects_committed` (idempotency-effects.ts), so a crash after that commit and before the answer is stored
 *    never runs the request again: a retry gets 409 IDEMPOTENCY_KEY_ANSWER_LOST once the lease ran out. A claim
 *    whose handler committed nothing is taken over by a retry after the lease.
 * 4. The answer is stored: 2xx and 4xx (as Stripe does), never a 5xx, which frees the key for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if ((context.getType() as string) !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST' || !request.principal) return next.handle();
    if (this.reflector.getAllAndOverride<string | undefined>(NO_IDEMPOTENCY_KEY, [context.getHandler(), context.getClass()])) return next.handle();
    if (request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) return next.handle();
    return from(this.handle(request, context.switchToHttp().getResponse<FastifyReply>(), next));
  }

  private async handle(request: Request, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const key = idempotencyKeyFrom(request.headers[IDEMPOTENCY_KEY_HEADER])!;
    const caller = idempotencyCallerOf(request.principal!);
    const path = request.url.split('?')[0];
    const { keyHash, secret } = keyMaterialOf({ caller, method: request.method, path, key });
    const scope: IdempotencyScope = { caller, method: request.method, path, keyHash };
    return this.decide(scope, secret, request, reply, next);
  }

  private async decide(scope: IdempotencyScope, secret: Buffer, request: Request, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const requestHash = requestHashOf(request.body, secret);
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const now = this.clock.now();
      const id = randomUUID();
      if (await this.keys.claim(id, scope, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS))) {
        await this.keys.prune(now);
        return this.run({ id, attempt: 1, secret }, request, reply, next);
      }
      const stored = await this.keys.find(scope);
      if (!stored) continue; // freed meanwhile (a 5xx): claim again
      if (stored.expiresAt.getTime() <= now.getTime()) {
        await this.keys.deleteExpired(stored.id, now);
        continue;
      }
      if (stored.requestHash !== requestHash) {
        throw IdempotencyErrors.IDEMPOTENCY_KEY_REUSED('This Idempotency-Key was used for another request; use a new key for a new request');
      }
      if (stored.state === 'DONE') return this.replay(stored, secret, reply);
      const attempt = await this.takeOverOrRefuse(stored);
      return this.run({ id: stored.id, attempt, secret }, request, reply, next);
    }
    throw this.inProgress();
  }

  private async takeOverOrRefuse(stored: StoredKey): Promise<number> {
    if (stored.leaseActive) throw this.inProgress();
    if (stored.effectsCommitted) {
      throw IdempotencyErrors.IDEMPOTENCY_KEY_ANSWER_LOST(
        'The first request with this Idempotency-Key took effect, but its answer was lost; look the result up instead of retrying',
      );
    }
    const attempt = await this.keys.takeOver(stored.id, stored.attempt);
    if (attempt === null) throw this.inProgress();
    return attempt;
  }

  private inProgress() {
    return IdempotencyErrors.IDEMPOTENCY_KEY_IN_PROGRESS('The first request with this Idempotency-Key is still being handled; retry shortly', { retryAfterSeconds: 1 });
  }

  private replay(stored: StoredKey, secret: Buffer, reply: FastifyReply): string | undefined {
    const body = stored.body === null ? undefined : openAnswer(stored.body, secret);
    reply.status(stored.status ?? 200);
    for (const [name, value] of Object.entries(stored.headers ?? {})) reply.header(name, value);
    reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return body;
  }

  /** Runs the handler under the claim and stores its answer. */
  private async run(owned: { id: string; attempt: number; secret: Buffer }, request: Request, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const claim = { id: owned.id, attempt: owned.attempt, open: true };
    let result: unknown;
    try {
      result = await idempotencyEffects.run(claim, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (e) {
      claim.open = false;
      const error = toAppError(e);
      const problem = JSON.stringify(toProblem(error, request.url.split('?')[0], request.id ? String(request.id) : undefined));
      await this.settle(owned, { status: error.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: problem });
      throw e;
    }
    claim.open = false;
    await this.settle(owned, this.answerOf(result, reply));
    return result;
  }

  private answerOf(result: unknown, reply: FastifyReply): StoredAnswer {
    const body = result === undefined || result === null ? null : typeof result === 'string' ? result : JSON.stringify(result);
    const headers: Record<string, string> = {};
    const contentType = reply.getHeader('content-type');
    if (contentType !== undefined) headers['content-type'] = String(contentType);
    else if (body !== null) headers['content-type'] = typeof result === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    const location = reply.getHeader('location');
    if (location !== undefined) headers.location = String(location);
    return { status: reply.statusCode, headers, body };
  }

  /** A 2xx or 4xx is stored, a 5xx frees the key; a failure to store is logged, the caller still gets its answer. */
  private async settle(owned: { id: string; attempt: number; secret: Buffer }, answer: StoredAnswer): Promise<void> {
    try {
      if (answer.status >= 500) await this.keys.release(owned.id, owned.attempt);
      else await this.keys.answer(owned.id, owned.attempt, { ...answer, body: answer.body === null ? null : sealAnswer(answer.body, owned.secret) });
    } catch (e) {
      this.logger.error(`Could not store the answer under an Idempotency-Key: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}
