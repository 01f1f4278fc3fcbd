import type { Logger } from 'pino';

interface AnsweredRequest {
  id: unknown;
  method: string;
  url: string;
}
interface Answer {
  statusCode: number;
  elapsedTime: number;
}

/**
 * One JSON line per answered request, the line ops read first: method, path, status and time, under the
 * request id. The query string is left out (a search by phone carries the phone there); only its parameter
 * names are kept. Probes of /health would drown everything else, so they log at debug.
 */
export function accessLogHook(logger: Logger) {
  return (request: AnsweredRequest, reply: Answer, done: () => void) => {
    const [path, query] = request.url.split('?', 2);
    const line = {
      requestId: String(request.id),
      method: request.method,
      path,
      ...(query ? { queryParams: [...new URLSearchParams(query).keys()] } : {}),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (path.startsWith('/health')) logger.debug(line, 'request');
    else if (reply.statusCode >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
    done();
  };
}
