import jwt from 'jsonwebtoken';
import { AppError } from '@crm/errors';
import { hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key';
import { Role } from './roles';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';

describe('access tokens', () => {
  const tokens = new TokenService(SECRET);

  it('round-trips the contract claims', () => {
    const t = tokens.sign({ sub: 'e1', role: Role.DEPARTMENT_HEAD, departmentId: 'd1' });
    expect(tokens.verify(t)).toEqual({ kind: 'employee', employeeId: 'e1', role: Role.DEPARTMENT_HEAD, departmentId: 'd1' });
  });

  const forged: [string, string][] = [
    ['another secret', jwt.sign({ role: 'ADMIN' }, 'x'.repeat(40), { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
    ['alg none', jwt.sign({ role: 'ADMIN', sub: 'e', iss: 'crm-suite', aud: 'crm-suite' }, '', { algorithm: 'none' })],
    ['an unknown role', jwt.sign({ role: 'KING' }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
    ['no subject', jwt.sign({ role: 'ADMIN' }, SECRET, { issuer: 'crm-suite', audience: 'crm-suite' })],
    ['another audience', jwt.sign({ role: 'ADMIN' }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'x' })],
    ['expired', jwt.sign({ role: 'ADMIN', exp: 1 }, SECRET, { subject: 'e', issuer: 'crm-suite', audience: 'crm-suite' })],
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
