import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '@crm/errors';
import { hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key';
import { Role } from './roles';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const CLAIMS = { role: 'ADMIN', sub: 'e', iss: 'crm-suite', aud: 'crm-suite' };
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header, signed HMAC-SHA256 with `secret` whatever `alg` says: the RS/HS confusion attack. */
function handMade(header: Record<string, unknown>, secret: string): string {
  const signingInput = `${b64url(header)}.${b64url({ ...CLAIMS, exp: Math.floor(Date.now() / 1000) + 600 })}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPublicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('access tokens', () => {
  const tokens = new TokenService(SECRET);

  it('round-trips the contract claims', () => {
    const t = tokens.sign({ sub: 'e1', role: Role.DEPARTMENT_HEAD, departmentId: 'd1' });
    expect(tokens.verify(t)).toEqual({ kind: 'employee', employeeId: 'e1', role: Role.DEPARTMENT_HEAD, departmentId: 'd1' });
  });

  it('accepts tokens signed with the secret as a string (tools/token.mjs, other signers) and signs tokens they accept', () => {
    const fromString = jwt.sign({ role: 'ADMIN' }, SECRET, { algorithm: 'HS256', subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' });
    expect(tokens.verify(fromString)).toMatchObject({ employeeId: 'e', role: Role.ADMIN });
    const ours = tokens.sign({ sub: 'e2', role: Role.EMPLOYEE, departmentId: null });
    expect(jwt.verify(ours, SECRET, { algorithms: ['HS256'] })).toMatchObject({ sub: 'e2', iss: 'crm-suite', aud: 'crm-suite' });
  });

  it('says an expired token has expired', () => {
    const expired = jwt.sign({ ...CLAIMS, exp: Math.floor(Date.now() / 1000) - 1 }, SECRET);
    expect(() => tokens.verify(expired)).toThrow('The access token has expired');
  });

  it('refuses to start without a secret', () => {
    expect(() => new TokenService('')).toThrow();
  });

  const forged: [string, string][] = [
    ['another secret', jwt.sign({ role: 'ADMIN' }, 'x'.repeat(40), { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
    ['alg none', jwt.sign({ role: 'ADMIN', sub: 'e', iss: 'crm-suite', aud: 'crm-suite' }, '', { algorithm: 'none' })],
    ['an unknown role', jwt.sign({ role: 'KING' }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
    ['no subject', jwt.sign({ role: 'ADMIN' }, SECRET, { issuer: 'crm-suite', audience: 'crm-suite' })],
    ['another audience', jwt.sign({ role: 'ADMIN' }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'x' })],
    ['expired', jwt.sign({ role: 'ADMIN', exp: 1 }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
    ['another issuer', jwt.sign({ role: 'ADMIN' }, SECRET, { subject: 'e', issuer: 'x', audience: 'crm-suite' })],
    ['HS512 and the right secret (HS256 only)', jwt.sign(CLAIMS, SECRET, { algorithm: 'HS512' })],
    ['alg none and no signature', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(CLAIMS)}.`],
    ['alg NONE and an HMAC signature', handMade({ alg: 'NONE', typ: 'JWT' }, SECRET)],
    ['RS256 signed with an RSA key', jwt.sign(CLAIMS, rsa.privateKey, { algorithm: 'RS256' })],
    ['RS256 in the header over an HMAC of the secret', handMade({ alg: 'RS256', typ: 'JWT' }, SECRET)],
    ['HS256 keyed with an RSA public key', handMade({ alg: 'HS256', typ: 'JWT' }, rsaPublicPem)],
    ['garbage', 'not.a.token'],
  ];
  it.each(forged)('rejects a token with %s as 401', (_why, token) => {
    try {
      tokens.verify(token);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(401);
    }
  });
});

describe('API keys', () => {
  it('issues keys whose secret matches only its own hash', () => {
    const a = issueApiKey();
    const b = issueApiKey();
    const pa = parseApiKey(a.key)!;
    expect(pa.id).toBe(a.id);
    expect(secretMatches(pa.secret, a.hash)).toBe(true);
    expect(secretMatches(pa.secret, b.hash)).toBe(false);
    expect(a.hash).toBe(hashSecret(pa.secret));
    expect(a.key).not.toContain(a.hash);
  });

  it.each(['', 'crm_', 'crm_123_abc', `xyz_${'a'.repeat(32)}_${'b'.repeat(43)}`, `crm_${'g'.repeat(32)}_${'b'.repeat(43)}`])(
    'rejects malformed key %p',
    (key) => expect(parseApiKey(key)).toBeNull(),
  );
});
