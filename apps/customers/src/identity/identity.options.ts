/** The identity capability's settings, from the customers service's environment (config.ts). */
export interface IdentityOptions {
  issuer: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  sessionMaxDays: number;
  /** How long a rotated key is published before it signs, so every verifier's cache has it first. */
  publishAheadSeconds: number;
  /** How often each instance re-reads the keys (a rotation starts signing at most this long after its activation). */
  keyReloadSeconds: number;
  /** Failed sign-ins of one login from one address before it must wait. */
  loginFailuresAllowed: number;
  /** How long it must wait then. */
  loginBlockSeconds: number;
  redisPrefix: string;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
