import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { AccessTokenVerifier } from './access-token.verifier';

describe('AccessTokenVerifier', () => {
  let sign: (claims: Record<string, unknown>, exp?: string) => Promise<string>;
  let keys: JWTVerifyGetKey;
  let lookups = 0;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const local = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
    keys = (header, token) => {
      lookups++;
      return local(header, token);
    };
    sign = (claims, exp = '5m') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('e1').setIssuer('crm-suite').setAudience('crm-suite').setExpirationTime(exp).sign(privateKey);
  });

  beforeEach(() => (lookups = 0));

  it('checks a token once, then answers the same text from memory', async () => {
    const verifier = new AccessTokenVerifier({ keys, issuer: 'crm-suite' });
    const token = await sign({ role: 'EMPLOYEE', departmentId: 'd1', sid: 's1', ver: 2 });
    const first = await verifier.verify(token);
    expect(first).toEqual({ employeeId: 'e1', role: 'EMPLOYEE', departmentId: 'd1', sessionId: 's1', sessionVersion: 2 });
    expect(await verifier.verify(token)).toEqual(first);
    expect(lookups).toBe(1);
  });

  it('never answers a tampered copy from memory: other text is checked, and fails', async () => {
    const verifier = new AccessTokenVerifier({ keys, issuer: 'crm-suite' });
    const token = await sign({ role: 'EMPLOYEE', departmentId: null });
    await verifier.verify(token);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'e1', role: 'ADMIN', iss: 'crm-suite', aud: 'crm-suite', exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('checks again once the memory has lapsed (a minute by default, never past exp)', async () => {
    const verifier = new AccessTokenVerifier({ keys, issuer: 'crm-suite', rememberMs: 30 });
    const token = await sign({ role: 'EMPLOYEE' });
    await verifier.verify(token);
    await new Promise((r) => setTimeout(r, 50));
    await verifier.verify(token);
    expect(lookups).toBe(2);
  });

  it('refuses an expired token, another issuer, and forgets the oldest when full', async () => {
    const verifier = new AccessTokenVerifier({ keys, issuer: 'crm-suite', maxRemembered: 1 });
    await expect(verifier.verify(await sign({ role: 'EMPLOYEE' }, '-1m'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const other = new AccessTokenVerifier({ keys, issuer: 'someone-else' });
    await expect(other.verify(await sign({ role: 'EMPLOYEE' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const a = await sign({ role: 'EMPLOYEE' });
    const b = await sign({ role: 'ADMIN' });
    await verifier.verify(a);
    await verifier.verify(b);
    lookups = 0;
    await verifier.verify(a);
    expect(lookups).toBe(1);
  });
});
