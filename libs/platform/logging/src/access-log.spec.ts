import { Writable } from 'node:stream';
import { accessLogHook } from './access-log';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
  return { lines, hook: accessLogHook(createLogger('svc', 'info', sink)) };
}

describe('access log', () => {
  it('writes one line per request with the request id, path, status and time, and no query values', () => {
    const { lines, hook } = capture();
    hook({ id: 'req-1', method: 'GET', url: '/api/v1/customers?phone=13812345678&limit=5' }, { statusCode: 200, elapsedTime: 3.14159 }, () => undefined);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'svc', msg: 'request', requestId: 'req-1', method: 'GET', path: '/api/v1/customers', queryParams: ['phone', 'limit'], status: 200, ms: 3.1 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('13812345678');
  });

  it.each([
    ['/health', 200, undefined],
    ['/health/live', 200, undefined],
    ['/api/v1/customers', 503, 'error'],
    ['/api/v1/customers', 404, 'info'],
  ])('logs %s answered %i at %s', (url, statusCode, level) => {
    const { lines, hook } = capture();
    hook({ id: 'r', method: 'GET', url }, { statusCode, elapsedTime: 1 }, () => undefined);
    expect(lines.map((l) => l.level)).toEqual(level ? [level] : []);
  });
});
