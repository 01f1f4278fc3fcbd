import { spawnSync } from 'node:child_process';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { codeOf, distMainOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';

type Headers = Record<string, string>;
const PASSWORD = 'correct horse battery staple';
const bearerOf = (accessToken: string): Headers => ({ authorization: `Bearer ${accessToken}` });

/**
 * Signing in for real, through the gateway (docs/identity.md): passwords, rotating refresh tokens with theft
 * detection, logout, brute-force backoff, sessions that end within 5 seconds everywhere when the employee is
 * moved, demoted or deactivated, and the public keys (JWKS) a client we did not write verifies tokens with,
 * across a key rotation.
 */
describe('suite: identity and sessions through the gateway', () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get, twoDepartments } = session;
  let ids: Record<'d1' | 'd2' | 'head1' | 'head2' | 'e1' | 'e2', string>;
  let seq = 0;

  const put = (path: string, body: unknown, headers: Headers = session.admin) => session.api.rest('PUT', path, { body, headers });
  const patch = (path: string, body: unknown, headers: Headers = session.admin) => session.api.rest('PATCH', path, { body, headers });
  const login = (loginName: string, password: string) => post('/api/v1/auth/login', { login: loginName, password }, {});

  /** An employee of 一部 with a login and a password; answers their id and login. */
  async function staff(role = 'EMPLOYEE', departmentId: string | undefined = ids.d1): Promise<{ id: string; login: string }> {
    const loginName = `staff${++seq}.${Date.now().toString(36)}`;
    const created = await post('/api/v1/employees', { name: `员工${seq}`, role, ...(departmentId ? { departmentId } : {}), login: loginName });
    expect(created.status).toBe(201);
    expect((await put(`/api/v1/employees/${created.body.id}/password`, { password: PASSWORD })).status).toBe(204);
    return { id: created.body.id, login: loginName };
  }

  async function signIn(loginName: string) {
    const res = await login(loginName, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300 });
    return res.body as { accessToken: string; refreshToken: string; expiresIn: number };
  }

  /** What each of three services answers a token with: customers (the issuer), rewards and complaints. */
  const everywhere = async (headers: Headers) =>
    Promise.all([get(`/api/v1/employees?departmentId=${ids.d1}`, headers), get('/api/v1/fines?limit=1', headers), get('/api/v1/complaints?limit=1', headers)]).then(
      (answers) => answers.map((a) => a.status),
    );

  beforeAll(async () => {
    suite = await startSuite({
      services: ['customers', 'rewards', 'complaints'],
      // A rotated key signs after 6 s (above the verifiers' 5 s refetch cooldown); instances re-read keys each second.
      env: { SIGNING_KEY_PUBLISH_AHEAD_SECONDS: '6', SIGNING_KEY_RELOAD_SECONDS: '1' },
    });
    session.connect(suite);
    ids = await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } });
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  describe('signing in', () => {
    it('answers an access token every service accepts, and a refresh token', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect(await everywhere(bearerOf(tokens.accessToken))).toEqual([200, 200, 200]);
      const me = await get(`/api/v1/employees/${who.id}`, bearerOf(tokens.accessToken));
      expect(me.body).toMatchObject({ id: who.id, login: who.login });
    });

    it('takes the login in any case and with spaces around it (stored lower-case, trimmed)', async () => {
      const who = await staff();
      expect((await login(`  ${who.login.toUpperCase()} `, PASSWORD)).status).toBe(200);
    });

    it('answers a wrong password and an unknown login alike: 401 INVALID_CREDENTIALS, the same body, comparable time', async () => {
      const who = await staff();
      const timed = async (loginName: string) => {
        const started = performance.now();
        const res = await login(loginName, 'not the password at all');
        return { res, ms: performance.now() - started };
      };
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i++) {
        const a = await timed(who.login);
        const b = await timed(`nobody-${seq}-${i}`);
        expect(codeOf(a.res)).toEqual([401, 'INVALID_CREDENTIALS']);
        expect(codeOf(b.res)).toEqual([401, 'INVALID_CREDENTIALS']);
        expect(b.res.body.detail).toBe(a.res.body.detail);
        wrong.push(a.ms);
        unknown.push(b.ms);
      }
      // An unknown login costs a full argon2id check too (against a decoy hash): never a fast "no such user".
      // The fastest of each is compared: a busy machine only ever adds time, so the minimum is what the work costs
      // (without the decoy, an unknown login would answer in a few milliseconds, a tenth of a check).
      expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...wrong) * 0.3);
    });

    it('refuses a deactivated employee with the same answer as a wrong password', async () => {
      const who = await staff();
      expect((await post(`/api/v1/employees/${who.id}/deactivation`, {})).status).toBe(200);
      expect(codeOf(await login(who.login, PASSWORD))).toEqual([401, 'INVALID_CREDENTIALS']);
    });

    it('backs off after 5 failures of one login from one address: 429 TOO_MANY_ATTEMPTS with Retry-After, even for the right password', async () => {
      const who = await staff();
      for (let i = 0; i < 5; i++) expect(codeOf(await login(who.login, `wrong-${i}-password`))).toEqual([401, 'INVALID_CREDENTIALS']);
      const sixth = await login(who.login, 'wrong-again-password');
      expect(codeOf(sixth)).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await login(who.login, PASSWORD);
      expect(codeOf(right)).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another login from the same address is not held back by this one's failures.
      const other = await staff();
      expect((await login(other.login, PASSWORD)).status).toBe(200);
    });

    it('lets an employee change their own password: the old one stops working, other sessions end, this one stays', async () => {
      const who = await staff();
      const first = await signIn(who.login);
      const second = await signIn(who.login);
      const wrongCurrent = await put('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' }, bearerOf(second.accessToken));
      expect(codeOf(wrongCurrent)).toEqual([401, 'INVALID_CREDENTIALS']);
      const tooShort = await put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' }, bearerOf(second.accessToken));
      expect(codeOf(tooShort)).toEqual([422, 'PASSWORD_TOO_WEAK']);
      const changed = await put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }, bearerOf(second.accessToken));
      expect(changed.status).toBe(204);
      expect(codeOf(await login(who.login, PASSWORD))).toEqual([401, 'INVALID_CREDENTIALS']);
      expect((await login(who.login, 'a brand new passphrase')).status).toBe(200);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
      expect((await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken }, {})).status).toBe(200);
    });

    it('lets only an ADMIN set a password', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect(codeOf(await put(`/api/v1/employees/${who.id}/password`, { password: 'someone elses password' }, bearerOf(tokens.accessToken)))).toEqual([403, 'FORBIDDEN']);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each works once, and a spent one coming back ends the whole session (theft detection)', async () => {
      const who = await staff();
      const first = await signIn(who.login);
      const second = (await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }, {})).body;
      expect(second.refreshToken).toBeDefined();
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(await everywhere(bearerOf(second.accessToken))).toEqual([200, 200, 200]);
      // Someone replays the first token: refused, and the session is over for the legitimate holder too.
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
      // Another sign-in is a session of its own.
      expect((await login(who.login, PASSWORD)).status).toBe(200);
    });

    it('refuses a made-up refresh token with 401 REFRESH_TOKEN_INVALID, and a malformed body with 400', async () => {
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: 'made-up' }, {}))).toEqual([401, 'REFRESH_TOKEN_INVALID']);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: 42 }, {}))).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('logout ends the session: its refresh token no longer works; logging out again is harmless', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect((await post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken }, {})).status).toBe(204);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
      expect((await post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken }, {})).status).toBe(204);
    });
  });

  describe('sessions end within 5 seconds everywhere', () => {
    /** Waits until every service refuses the token; answers how long that took. */
    async function secondsUntilRefusedEverywhere(headers: Headers): Promise<number> {
      const started = performance.now();
      const statuses = await eventually(() => everywhere(headers), (s) => s.every((x) => x === 401), 8_000);
      expect(statuses).toEqual([401, 401, 401]);
      return (performance.now() - started) / 1000;
    }

    it('when the employee is moved to another department; their refresh token ends too', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect(await everywhere(bearerOf(tokens.accessToken))).toEqual([200, 200, 200]);
      expect((await patch(`/api/v1/employees/${who.id}`, { departmentId: ids.d2 })).status).toBe(200);
      expect(await secondsUntilRefusedEverywhere(bearerOf(tokens.accessToken))).toBeLessThan(5);
      expect(codeOf(await get(`/api/v1/employees/${who.id}`, bearerOf(tokens.accessToken)))).toEqual([401, 'SESSION_ENDED']);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
      // Signing in again gives a token of the new department.
      const again = await signIn(who.login);
      expect(await everywhere(bearerOf(again.accessToken))).toEqual([200, 200, 200]);
      expect(JSON.parse(Buffer.from(again.accessToken.split('.')[1], 'base64url').toString())).toMatchObject({ departmentId: ids.d2 });
    });

    it('when a department head is demoted to employee', async () => {
      const head = await staff('DEPARTMENT_HEAD', ids.d1);
      const tokens = await signIn(head.login);
      expect((await get('/api/v1/fines?limit=1', bearerOf(tokens.accessToken))).status).toBe(200);
      expect((await patch(`/api/v1/employees/${head.id}`, { role: 'EMPLOYEE' })).status).toBe(200);
      expect(await secondsUntilRefusedEverywhere(bearerOf(tokens.accessToken))).toBeLessThan(5);
    });

    it('when the employee is deactivated', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect((await post(`/api/v1/employees/${who.id}/deactivation`, {})).status).toBe(200);
      expect(await secondsUntilRefusedEverywhere(bearerOf(tokens.accessToken))).toBeLessThan(5);
      expect(codeOf(await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }, {}))).toEqual([401, 'SESSION_ENDED']);
    });

    it('not when only the name changes', async () => {
      const who = await staff();
      const tokens = await signIn(who.login);
      expect((await patch(`/api/v1/employees/${who.id}`, { name: '改名了' })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_500));
      expect(await everywhere(bearerOf(tokens.accessToken))).toEqual([200, 200, 200]);
    });
  });

  describe('public keys (JWKS) and their rotation', () => {
    const jwksOf = () => createRemoteJWKSet(new URL(`${suite.gatewayUrl}/.well-known/jwks.json`), { cooldownDuration: 0 });

    it('a client library verifies an access token with the keys the gateway publishes; no private part is published', async () => {
      const who = await staff();
      const { accessToken } = await signIn(who.login);
      const res = await get('/.well-known/jwks.json', {});
      expect(res.status).toBe(200);
      for (const key of res.body.keys) {
        expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
        expect(key.d).toBeUndefined();
      }
      const { payload, protectedHeader } = await jwtVerify(accessToken, jwksOf(), { issuer: 'crm-suite', audience: 'crm-suite' });
      expect(protectedHeader.alg).toBe('ES256');
      expect(payload).toMatchObject({ sub: who.id, role: 'EMPLOYEE', departmentId: ids.d1 });
      expect(typeof payload.sid).toBe('string');
      expect(typeof payload.ver).toBe('number');
    });

    it('refuses a token whose signature was tampered with, and alg none', async () => {
      const who = await staff();
      const { accessToken } = await signIn(who.login);
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${signature}`;
      expect(codeOf(await get('/api/v1/fines?limit=1', bearerOf(forged)))).toEqual([401, 'UNAUTHENTICATED']);
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      expect(codeOf(await get('/api/v1/fines?limit=1', bearerOf(none)))).toEqual([401, 'UNAUTHENTICATED']);
    });

    it('rotates without signing anyone out: old tokens keep working, the new key is published before it signs', async () => {
      const who = await staff();
      const before = await signIn(who.login);
      const oldKid = decodeProtectedHeader(before.accessToken).kid;
      const rotated = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', distMainOf('customers'), '--rotate-signing-key'], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: suite.db.url, REDIS_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: 'warn', SIGNING_KEY_PUBLISH_AHEAD_SECONDS: '6' },
        encoding: 'utf8',
      });
      expect(rotated.status).toBe(0);
      const newKid = /new signing key (\S+):/.exec(rotated.stdout)?.[1];
      expect(newKid).toBeDefined();
      // Published at once (instances re-read each second here), while the old key still signs.
      const published = await eventually(() => get('/.well-known/jwks.json', {}), (r) => r.body.keys?.some((k: { kid: string }) => k.kid === newKid));
      expect(published.body.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
      // Then new sign-ins are signed with the new key, and every service accepts both.
      const after = await eventually(() => signIn(who.login), (t) => decodeProtectedHeader(t.accessToken).kid === newKid, 15_000);
      expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
      expect(await everywhere(bearerOf(after.accessToken))).toEqual([200, 200, 200]);
      expect(await everywhere(bearerOf(before.accessToken))).toEqual([200, 200, 200]);
      const refreshed = await post('/api/v1/auth/refresh', { refreshToken: before.refreshToken }, {});
      expect(refreshed.status).toBe(200);
      expect(decodeProtectedHeader(refreshed.body.accessToken).kid).toBe(newKid);
    }, 60_000);
  });

  it('development tokens still work outside production (the seed and `npm run token`)', async () => {
    const token = await session.tokenOf(ids.e1);
    expect(await everywhere(token)).toEqual([200, 200, 200]);
  });
});
