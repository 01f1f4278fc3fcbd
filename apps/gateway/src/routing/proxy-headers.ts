import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_ID_HEADER } from '@crm/logging';

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the message, so a proxy never forwards
 * them. `host` is replaced by the upstream's own, and undici refuses `expect` outright.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

const NOT_FORWARDED_UPSTREAM = new Set([...HOP_BY_HOP, 'host', 'expect']);

export type OutgoingHeaders = Record<string, string | string[]>;

/** Headers the sender listed in `Connection` are hop-by-hop too. */
function connectionTokens(connection: string | string[] | undefined): Set<string> | undefined {
  if (!connection) return undefined;
  const value = Array.isArray(connection) ? connection.join(',') : connection;
  const tokens = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '' && t !== 'close' && t !== 'keep-alive');
  return tokens.length ? new Set(tokens) : undefined;
}

function copyEndToEnd(headers: IncomingHttpHeaders, drop: Set<string>): OutgoingHeaders {
  const extra = connectionTokens(headers.connection);
  const out: OutgoingHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || drop.has(name) || extra?.has(name)) continue;
    out[name] = value;
  }
  return out;
}

export interface ClientFacts {
  requestId: string;
  /** The peer address of the caller's connection. */
  remoteAddress: string | undefined;
  /** The caller's address as the gateway trusts it (the peer, or what TRUST_PROXY's proxies say it is). */
  clientAddress?: string;
  /** `http` or `https`, as the caller reached the gateway. */
  protocol: string;
}

/**
 * What a service receives: every end-to-end header of the caller (authorization, x-api-key, content-type,
 * accept, idempotency-key, …) plus the request id and the X-Forwarded-* trail, so the service logs the same
 * request id and sees the real client.
 */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders, client: ClientFacts): OutgoingHeaders {
  const out = copyEndToEnd(headers, NOT_FORWARDED_UPSTREAM);
  out[REQUEST_ID_HEADER] = client.requestId;
  const priorFor = headers['x-forwarded-for'];
  const prior = Array.isArray(priorFor) ? priorFor.join(', ') : priorFor;
  if (client.remoteAddress) out['x-forwarded-for'] = prior ? `${prior}, ${client.remoteAddress}` : client.remoteAddress;
  // The one address a service may act on (the sign-in throttle counts by it): the gateway's word, never the caller's.
  delete out['x-real-ip'];
  if (client.clientAddress) out['x-real-ip'] = client.clientAddress;
  // Says "through the gateway" to the service, which keeps its docs and subgraph SDL from such calls in production.
  out.via = appendVia(headers.via);
  // A load balancer in front of the gateway already knows the original scheme and host; keep what it said.
  if (!headers['x-forwarded-proto']) out['x-forwarded-proto'] = client.protocol;
  if (!headers['x-forwarded-host'] && headers.host) out['x-forwarded-host'] = headers.host;
  return out;
}

/** The gateway's entry in the Via trail (RFC 9110 §7.6.3), after any proxy in front of it. */
export const VIA_GATEWAY = '1.1 crm-gateway';

export function appendVia(prior: string | string[] | undefined): string {
  const value = Array.isArray(prior) ? prior.join(', ') : prior;
  return value ? `${value}, ${VIA_GATEWAY}` : VIA_GATEWAY;
}

/** What the caller receives back: the service's headers as they are, minus the hop-by-hop ones. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): OutgoingHeaders {
  return copyEndToEnd(headers, HOP_BY_HOP);
}

/** A request carries a body when it declares one (RFC 9112 §6.3); GET and DELETE usually do not. */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
