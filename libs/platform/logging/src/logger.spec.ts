import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS, scrubText } from './redaction';
import { requestContext, requestIdFrom } from './request-context';
import { createLogger } from './logger';

describe('log redaction', () => {
  it.each([
    ['call 13812345678 now', 'call [phone] now'],
    ['+86 138 1234 5678', '[phone]'],
    ['8613812345678', '[phone]'],
    ['order 1234567890123', 'order 1234567890123'],
    ['12812345678', '12812345678'],
  ])('scrubs %s', (input, output) => expect(scrubText(input)).toBe(output));

  it('cuts phone and readings from structured fields at any depth it logs', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info({ phone: '13812345678', customer: { phone: '13812345678', readings: { systolic: 140 } } }, 'x');
    expect(lines.join('')).not.toContain('13812345678');
    // The reading as a JSON number, not digits of the timestamp (`"time":1796207269140` holds 140).
    expect(lines.join('')).not.toMatch(/systolic|[^\d]140[^\d]/);
  });
});

describe('request ids', () => {
  it('keeps a sane caller id and replaces anything else', () => {
    expect(requestIdFrom('abc-123-def')).toBe('abc-123-def');
    expect(requestIdFrom('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stamps the current request id on every line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const logger = createLogger('test', 'info', sink);
    requestContext.run({ requestId: 'req-12345678' }, () => logger.info('hello 13900001111'));
    const out = lines.join('');
    expect(out).toContain('"requestId":"req-12345678"');
    expect(out).toContain('hello [phone]');
  });
});
