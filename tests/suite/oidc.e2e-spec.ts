import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { codeOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';
import { OIDC_RESOURCES, OidcIssuer, startOidcIssuer } from '../support/oidc/oidc-issuer';

type Headers = Record<string, string>;
const bearerOf = (accessToken: string): Headers => ({ authorization: `Bearer ${accessToken}` });
const PASSWORD = 'correct horse battery staple';
/** docs/identity-oidc.md: a move, demotion or deactivation reaches a provider token within 5 seconds. */
const WITHIN_MS = 5_000;

/**
 * The company's own OpenID Connect provider beside the suite's built-in tokens (OIDC_ISSUER, docs/identity-oidc.md):
 * a real provider (oidc-provider, tests/support/oidc/issuer.mjs) signs employees in through the authorization-code
 * flow and issues JWT access tokens for the audience `crm-suite` with the login in `preferred_username`. Every
 * process of the suite is started with OIDC_ISSUER; the tests go through the gateway only. The token names a
 * login; who the caller is, their role and department are the employee record's, in every service.
 */
describe('suite: access tokens of the company\'s own OpenID provider', () => {
  let oidc: OidcIssuer;
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get } = session;
  const ids = {} as Record<'d1' | 'd2' | 'head' | 'staff' | 'other' | 'colleague', string>;

  const patch = (path: string, body: unknown) => session.api.rest('PATCH', path, { body, headers: session.admin });
  const put = (path: string, body: unknown) => session.api.rest('PUT', path, { body, headers: session.admin });
  /** A provider access token for `login`, signed in through the provider (RS256 unless the resource says ES256). */
  const provider = async (login: string, resource: string = OIDC_RESOURCES.suite): Promise<Headers> => bearerOf(await oidc.accessToken(login, resource));

  async function employee(name: string, role: string, departmentId: string, login: string): Promise<string> {
    const res = await post('/api/v1/employees', { name, role, departmentId, login });
    if (res.status !== 201) throw new Error(`employee ${login}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** [status, code] of three services: customers (the organisation), rewards (fines) and complaints. */
  const everywhere = (headers: Headers) =>
    Promise.all([get(`/api/v1/employees?departmentId=${ids.d1}&limit=1`, headers), get('/api/v1/fines?limit=1', headers), get('/api/v1/complaints?limit=1', headers)]).then(
      (answers) => answers.map(codeOf),
    );
  const allOk = (answers: unknown[][]) => answers.every(([status]) => status === 200);

  /** Who the caller is to customers (GraphQL `me`), and which departments' fines rewards shows them. */
  const standing = async (headers: Headers) => {
    const me = await session.api.graphql<{ me: { id: string; role: string; departmentId: string | null; login: string } | null }>('{ me { id role departmentId login } }', {}, headers);
    const [d1, d2] = await Promise.all([get(`/api/v1/fines?departmentId=${ids.d1}`, headers), get(`/api/v1/fines?departmentId=${ids.d2}`, headers)]);
    return { me: me.data?.me ?? me.errors, fines: { d1: codeOf(d1), d2: codeOf(d2) } };
  };
  const OK = [200, undefined];
  const FINES_REFUSED = [403, 'FINES_NOT_VISIBLE'];
  const REFUSED = [[401, 'UNAUTHENTICATED'], [401, 'UNAUTHENTICATED'], [401, 'UNAUTHENTICATED']];

  beforeAll(async () => {
    oidc = await startOidcIssuer();
    suite = await startSuite({ services: ['customers', 'rewards', 'complaints'], env: { OIDC_ISSUER: oidc.issuer } });
    session.connect(suite);
    ids.d1 = await session.department('一部', 'D1');
    ids.d2 = await session.department('二部', 'D2');
    ids.head = await employee('李娜', 'DEPARTMENT_HEAD', ids.d1, 'li.na');
    ids.staff = await employee('张伟', 'EMPLOYEE', ids.d1, 'zhang.wei');
    ids.other = await employee('王芳', 'EMPLOYEE', ids.d2, 'wang.fang');
    // A colleague in 一部 to take over customers when 李娜 moves out and 张伟 leaves (docs/rules.md).
    ids.colleague = await employee('刘洋', 'EMPLOYEE', ids.d1, 'liu.yang');
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await oidc?.stop();
  });

  it('answers 200 on every service for a provider token whose login names an employee, who acts with their own role and department', async () => {
    const staff = await provider('zhang.wei');
    // rewards and complaints know the login from their replicas of employee.saved (milliseconds).
    expect(await eventually(() => everywhere(staff), allOk)).toEqual([OK, OK, OK]);
    expect(await standing(staff)).toEqual({ me: { id: ids.staff, role: 'EMPLOYEE', departmentId: ids.d1, login: 'zhang.wei' }, fines: { d1: FINES_REFUSED, d2: FINES_REFUSED } });
    expect(codeOf(await post('/api/v1/departments', { name: '三部', code: 'D3' }, staff))).toEqual([403, 'FORBIDDEN']);

    const head = await provider('li.na', OIDC_RESOURCES.suiteEs256);
    expect(await standing(head)).toEqual({ me: { id: ids.head, role: 'DEPARTMENT_HEAD', departmentId: ids.d1, login: 'li.na' }, fines: { d1: OK, d2: FINES_REFUSED } });

    // The head registers a customer: the caller becomes the owner, in their department; P-1 shows the full phone
    // to the owner and masks it for a colleague of the department who is neither owner nor head.
    const registered = await post('/api/v1/customers', { name: '刘阿姨', phone: '139 3000 0001', source: 'WALK_IN' }, head);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ ownerId: ids.head, departmentId: ids.d1, phone: '+8613930000001' });
    const seenByStaff = await get(`/api/v1/customers/${registered.body.id}`, staff);
    expect(seenByStaff.status).toBe(200);
    expect(seenByStaff.body.phone).not.toBe('+8613930000001');
  });

  it('matches the login case-insensitively (logins are stored lower-case)', async () => {
    const staff = await provider('Zhang.WEI');
    expect((await standing(staff)).me).toMatchObject({ id: ids.staff, login: 'zhang.wei' });
  });

  it('refuses with 401 a provider token naming a login no employee has', async () => {
    const nobody = await provider('nobody.here');
    expect(await everywhere(nobody)).toEqual(REFUSED);
  });

  it('refuses with 401 a token of the provider meant for another audience', async () => {
    const otherApi = await provider('zhang.wei', OIDC_RESOURCES.otherApi);
    expect(await everywhere(otherApi)).toEqual(REFUSED);
  });

  it("refuses with 401 a token in the provider's name signed by another key, with the provider's key id or none", async () => {
    const jwks = (await (await fetch(`${oidc.issuer}/jwks`)).json()) as { keys: { kid: string; alg: string }[] };
    const providerKid = jwks.keys.find((k) => k.alg === 'RS256')!.kid;
    const forge = async (alg: 'RS256' | 'ES256', kid?: string) => {
      const { privateKey } = await generateKeyPair(alg);
      const token = await new SignJWT({ preferred_username: 'zhang.wei', scope: 'crm', client_id: 'crm-web' })
        .setProtectedHeader({ alg, typ: 'at+jwt', ...(kid ? { kid } : {}) })
        .setIssuer(oidc.issuer)
        .setAudience('crm-suite')
        .setSubject('zhang.wei')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return bearerOf(token);
    };
    expect(await everywhere(await forge('RS256', providerKid))).toEqual(REFUSED);
    expect(await everywhere(await forge('ES256'))).toEqual(REFUSED);
    expect(await everywhere(await forge('RS256', 'a-key-the-provider-never-published'))).toEqual(REFUSED);
  });

  it('refuses with 401 what else the provider signs: an expired token, one without expiry, an ID or logout token, one without the login', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: oidc.issuer, aud: 'crm-suite', sub: 'wang.fang', preferred_username: 'wang.fang', client_id: 'crm-web', scope: 'crm', iat: now, exp: now + 300 };
    const signed = async (c: Record<string, unknown>, header: Record<string, unknown> = {}) => bearerOf(await oidc.sign(c, header));
    // What the provider's access tokens hold passes (oidc-provider's header `at+jwt`; Keycloak's `JWT` and claim `typ: Bearer`).
    expect(await eventually(async () => everywhere(await signed(claims, { typ: 'at+jwt' })), allOk)).toEqual([OK, OK, OK]);
    expect(await everywhere(await signed({ ...claims, typ: 'Bearer' }, { typ: 'JWT' }))).toEqual([OK, OK, OK]);

    expect(await everywhere(await signed({ ...claims, iat: now - 600, exp: now - 60 }, { typ: 'at+jwt' }))).toEqual(REFUSED);
    const { exp: _exp, ...noExpiry } = claims;
    expect(await everywhere(await signed(noExpiry, { typ: 'at+jwt' }))).toEqual(REFUSED);
    // Keycloak's ID token of a client named as the audience: aud is the client, `typ: ID`.
    expect(await everywhere(await signed({ ...claims, typ: 'ID', azp: 'crm-suite', nonce: 'n-0S6_WzA2Mj' }, { typ: 'JWT' }))).toEqual(REFUSED);
    // Amazon Cognito's ID token (`token_use: id`).
    expect(await everywhere(await signed({ ...claims, token_use: 'id' }))).toEqual(REFUSED);
    // A back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.4).
    expect(await everywhere(await signed({ ...claims, events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }, { typ: 'logout+jwt' }))).toEqual(REFUSED);
    const { preferred_username: _login, ...noLogin } = claims;
    expect(await everywhere(await signed(noLogin, { typ: 'at+jwt' }))).toEqual(REFUSED);
  });

  it('acts with the new department, then the new role, within 5 seconds of PATCH /api/v1/employees/{id}, with the same provider token', async () => {
    const head = await provider('li.na');
    expect((await standing(head)).fines).toEqual({ d1: OK, d2: FINES_REFUSED });

    expect((await patch(`/api/v1/employees/${ids.head}`, { departmentId: ids.d2 })).status).toBe(200);
    const moved = await eventually(() => standing(head), (s) => s.fines.d2[0] === 200 && s.fines.d1[0] === 403, WITHIN_MS);
    expect(moved).toEqual({ me: { id: ids.head, role: 'DEPARTMENT_HEAD', departmentId: ids.d2, login: 'li.na' }, fines: { d1: FINES_REFUSED, d2: OK } });

    expect((await patch(`/api/v1/employees/${ids.head}`, { role: 'EMPLOYEE' })).status).toBe(200);
    const demoted = await eventually(() => standing(head), (s) => s.fines.d2[0] === 403, WITHIN_MS);
    expect(demoted).toEqual({ me: { id: ids.head, role: 'EMPLOYEE', departmentId: ids.d2, login: 'li.na' }, fines: { d1: FINES_REFUSED, d2: FINES_REFUSED } });
    // Unlike a sign-in's token (which names a session version), the provider's token carries no role: it goes on.
    expect(await everywhere(head)).toEqual([OK, OK, OK]);
  });

  it('refuses the same provider token with 401 SESSION_ENDED on every service within 5 seconds of the deactivation', async () => {
    const staff = await provider('zhang.wei');
    expect(await everywhere(staff)).toEqual([OK, OK, OK]);
    expect((await post(`/api/v1/employees/${ids.staff}/deactivation`, {})).status).toBe(200);
    const ended = [[401, 'SESSION_ENDED'], [401, 'SESSION_ENDED'], [401, 'SESSION_ENDED']];
    expect(await eventually(() => everywhere(staff), (answers) => answers.every(([status]) => status === 401), WITHIN_MS)).toEqual(ended);
    // A new sign-in at the provider does not bring them back: the suite's record decides.
    expect(await everywhere(await provider('zhang.wei'))).toEqual(ended);
  });

  it('follows a rotation of the provider\'s keys: tokens of the new key are accepted, and those of the old one until they expire', async () => {
    const before = await provider('wang.fang');
    expect(await everywhere(before)).toEqual([OK, OK, OK]);
    const [newest] = await oidc.rotateKeys();
    const after = await provider('wang.fang');
    expect(decodeProtectedHeader(after.authorization.slice('Bearer '.length)).kid).toBe(newest);
    // An unknown key id makes each service fetch the provider's keys again (at most once per 5 s cooldown).
    expect(await eventually(() => everywhere(after), allOk, 10_000)).toEqual([OK, OK, OK]);
    expect(await everywhere(before)).toEqual([OK, OK, OK]);
  });

  it("keeps accepting the built-in issuer's tokens beside the provider's", async () => {
    const id = await employee('陈静', 'EMPLOYEE', ids.d1, 'chen.jing');
    expect((await put(`/api/v1/employees/${id}/password`, { password: PASSWORD })).status).toBe(204);
    const signedIn = await post('/api/v1/auth/login', { login: 'chen.jing', password: PASSWORD }, {});
    expect(signedIn.status).toBe(200);
    const builtIn = bearerOf(signedIn.body.accessToken);
    const fromProvider = await provider('chen.jing');
    expect(await eventually(() => everywhere(fromProvider), allOk)).toEqual([OK, OK, OK]);
    expect(await everywhere(builtIn)).toEqual([OK, OK, OK]);
    expect((await standing(builtIn)).me).toEqual((await standing(fromProvider)).me);
    expect((await standing(builtIn)).me).toMatchObject({ id, role: 'EMPLOYEE', departmentId: ids.d1 });
    // The test key's tokens (bearer(), development tokens) too.
    expect(await everywhere(session.admin)).toEqual([OK, OK, OK]);
    expect(await everywhere(await session.tokenOf(id))).toEqual([OK, OK, OK]);
  });

  // Last: the provider is stopped here.
  it('keeps accepting tokens of keys fetched less than a minute ago while the provider is down, and answers 503 (not 401) for a key it cannot fetch', async () => {
    const token = await provider('wang.fang');
    expect(await everywhere(token)).toEqual([OK, OK, OK]);
    await oidc.stop();
    expect(await everywhere(token)).toEqual([OK, OK, OK]);
    expect(await everywhere(session.admin)).toEqual([OK, OK, OK]);
    // A key id the services have not seen: a rotated key as far as they can tell; they cannot fetch the keys.
    const { privateKey } = await generateKeyPair('RS256');
    const unseen = bearerOf(
      await new SignJWT({ preferred_username: 'wang.fang' }).setProtectedHeader({ alg: 'RS256', kid: 'rotated-while-down' }).setIssuer(oidc.issuer).setAudience('crm-suite').setIssuedAt().setExpirationTime('5m').sign(privateKey),
    );
    const unavailable = [[503, 'SERVICE_UNAVAILABLE'], [503, 'SERVICE_UNAVAILABLE'], [503, 'SERVICE_UNAVAILABLE']];
    // Within 5 s of their last fetch the services do not fetch again, and refuse the unknown key outright (401).
    expect(await eventually(() => everywhere(unseen), (answers) => answers.every(([status]) => status === 503), 10_000)).toEqual(unavailable);
  });
});
