import { isIP } from 'node:net';
import { ConfigError } from '@crm/config';

/** Fastify's `trustProxy`: nobody (the socket address is the caller), a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * TRUST_PROXY as Fastify takes it. X-Forwarded-For is believed only as far as ops say: a hop count, or the
 * addresses/CIDRs of their load balancers. `true` (believe anyone) is refused: a caller could then name any
 * address and escape the per-address rate limit.
 */
export function trustProxyOf(value: string | undefined): TrustProxy {
  if (value === undefined || value.trim() === '') return false;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length || entries.length === 0) {
    throw new ConfigError([`TRUST_PROXY must be a hop count or a comma-separated list of addresses/CIDRs, got "${value}"`]);
  }
  return entries;
}
