import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What travels with one unit of work (a request, a job, an event): the request id that ties the gateway's,
 * the services' and the consumers' log lines together.
 */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accepts a caller's request id when it is a sane token, otherwise makes one. */
export function requestIdFrom(header: unknown): string {
  if (typeof header === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(header)) return header;
  return randomUUID();
}
