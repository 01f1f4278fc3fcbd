import { downstreamResponseHeaders, hasBody, upstreamRequestHeaders } from './proxy-headers';

const client = { requestId: 'req-00000001', remoteAddress: '10.0.0.9', protocol: 'http' };

describe('upstream request headers', () => {
  it('forwards end-to-end headers as they are', () => {
    const out = upstreamRequestHeaders(
      {
        authorization: 'Bearer t',
        'x-api-key': 'k',
        'content-type': 'application/json',
        'content-length': '12',
        accept: 'application/json',
        'idempotency-key': 'idem-1',
        'x-custom': 'y',
      },
      client,
    );
    expect(out).toMatchObject({
      authorization: 'Bearer t',
      'x-api-key': 'k',
      'content-type': 'application/json',
      'content-length': '12',
      accept: 'application/json',
      'idempotency-key': 'idem-1',
      'x-custom': 'y',
    });
  });

  it('drops hop-by-hop headers, host and expect', () => {
    const out = upstreamRequestHeaders(
      {
        host: 'gateway:4000',
        connection: 'keep-alive, x-secret-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        trailer: 'x',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic x',
        expect: '100-continue',
        'x-secret-hop': 'drop me',
        accept: '*/*',
      },
      client,
    );
    expect(Object.keys(out).sort()).toEqual(['accept', 'via', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-request-id']);
  });

  it('says the request came through the gateway (Via), after any proxy in front of it', () => {
    expect(upstreamRequestHeaders({ host: 'gw' }, client).via).toBe('1.1 crm-gateway');
    expect(upstreamRequestHeaders({ host: 'gw', via: '1.1 ingress' }, client).via).toBe('1.1 ingress, 1.1 crm-gateway');
  });

  it('vouches for the client address in X-Real-IP, never passing on one the caller sent', () => {
    expect(upstreamRequestHeaders({ 'x-real-ip': '6.6.6.6' }, { ...client, clientAddress: '203.0.113.9' })['x-real-ip']).toBe('203.0.113.9');
    expect(upstreamRequestHeaders({ 'x-real-ip': '6.6.6.6' }, { ...client, clientAddress: undefined })['x-real-ip']).toBeUndefined();
  });

  it('sets the request id, replacing what the caller sent (the gateway validated it already)', () => {
    expect(upstreamRequestHeaders({ 'x-request-id': 'caller' }, client)['x-request-id']).toBe('req-00000001');
  });

  it('appends the client to X-Forwarded-For and keeps an earlier proxy\'s proto and host', () => {
    expect(upstreamRequestHeaders({ host: 'api.example' }, client)).toMatchObject({
      'x-forwarded-for': '10.0.0.9',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'api.example',
    });
    expect(
      upstreamRequestHeaders({ host: 'gw', 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example' }, client),
    ).toMatchObject({ 'x-forwarded-for': '1.2.3.4, 10.0.0.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example' });
  });

  it('leaves X-Forwarded-For alone when the peer is unknown', () => {
    expect(upstreamRequestHeaders({ 'x-forwarded-for': '1.2.3.4' }, { ...client, remoteAddress: undefined })['x-forwarded-for']).toBe('1.2.3.4');
  });
});

describe('downstream response headers', () => {
  it('returns the service headers unchanged but for hop-by-hop ones', () => {
    const out = downstreamResponseHeaders({
      'content-type': 'application/problem+json',
      'content-length': '99',
      'set-cookie': ['a=1', 'b=2'],
      location: '/api/v1/customers/1',
      connection: 'keep-alive',
      'keep-alive': 'timeout=72',
      'transfer-encoding': 'chunked',
    });
    expect(out).toEqual({
      'content-type': 'application/problem+json',
      'content-length': '99',
      'set-cookie': ['a=1', 'b=2'],
      location: '/api/v1/customers/1',
    });
  });
});

describe('hasBody', () => {
  it.each([
    [{}, false],
    [{ 'content-length': '0' }, false],
    [{ 'content-length': '5' }, true],
    [{ 'transfer-encoding': 'chunked' }, true],
  ])('%j → %s', (headers, expected) => expect(hasBody(headers)).toBe(expected));
});
