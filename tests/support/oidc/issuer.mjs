// A real OpenID Connect provider (panva's oidc-provider) standing in for a company's own identity provider in the
// suite tests (tests/suite/oidc.e2e-spec.ts): `node tests/support/oidc/issuer.mjs` listens on a free port of
// 127.0.0.1 and prints one line, `OIDC issuer listening at <issuer URL>`, once it answers.
//
// What it does, as Keycloak or Entra ID would for the suite:
// - the authorization-code flow with PKCE for one confidential client, `crm-web` (secret `crm-web-secret`,
//   redirect URI http://127.0.0.1/callback). Who signs in is the request's `login_hint` (a stand-in for the
//   provider's own login page: no password, since what is tested is the token, not the provider's login);
//   consent is given at once;
// - access tokens are JWTs (`resourceIndicators`, `accessTokenFormat: 'jwt'`), signed with keys this process
//   generates at start and publishes at the `jwks_uri` of its discovery document. Resource indicators:
//     urn:crm:suite        → aud `crm-suite`, RS256 (Keycloak's default)
//     urn:crm:suite:es256  → aud `crm-suite`, ES256
//     urn:other:api        → aud `other-api`, RS256 (a token meant for another API)
// - the signed-in login is the access token's `preferred_username` (extraTokenClaims), as Keycloak puts it.
//
// Two test-only routes stand for what a real provider does beyond that:
// - POST /test/sign {header, claims}: a JWT with exactly these claims, signed with the provider's current RS256
//   key. A provider signs more than access tokens with its keys (ID tokens, logout tokens, userinfo, …), and a
//   misconfigured client mapper can leave claims out: this is how a test shows what the suite makes of them.
// - POST /test/rotate: new keys sign from now on; the old ones stay published (Keycloak's rotation: a new
//   key of higher priority, the old one kept until its tokens have expired).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { importJWK, SignJWT } from 'jose';
import Provider, { errors } from 'oidc-provider';

const CLIENT = {
  client_id: 'crm-web',
  client_secret: 'crm-web-secret',
  redirect_uris: ['http://127.0.0.1/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
};

const RESOURCES = {
  'urn:crm:suite': { audience: 'crm-suite', alg: 'RS256' },
  'urn:crm:suite:es256': { audience: 'crm-suite', alg: 'ES256' },
  'urn:other:api': { audience: 'other-api', alg: 'RS256' },
};

const ACCESS_TOKEN_TTL_SECONDS = 600;

function signingKey(type, options, alg) {
  const { privateKey } = generateKeyPairSync(type, options);
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, alg, use: 'sig', kid: `${alg.toLowerCase()}-${randomBytes(6).toString('hex')}` };
}

const newKeys = () => [signingKey('rsa', { modulusLength: 2048 }, 'RS256'), signingKey('ec', { namedCurve: 'P-256' }, 'ES256')];

function configuration(keys) {
  return {
    clients: [CLIENT],
    jwks: { keys },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'crm'],
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId, preferred_username: accountId }) }),
    async extraTokenClaims(_ctx, token) {
      // Only access tokens of a signed-in account carry the login (as Keycloak's user tokens do).
      return token.kind === 'AccessToken' && token.accountId ? { preferred_username: token.accountId } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator) {
          const resource = RESOURCES[indicator];
          if (!resource) throw new errors.InvalidTarget();
          return {
            audience: resource.audience,
            scope: 'crm',
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: resource.alg } },
          };
        },
      },
    },
  };
}

/** The provider's interactions: sign in the `login_hint` of the authorization request, then grant what it asked. */
async function interact(provider, req, res) {
  const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
  if (prompt.name === 'login') {
    if (typeof params.login_hint !== 'string' || params.login_hint === '') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('this provider signs in the login_hint of the authorization request');
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: params.login_hint } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

async function bodyOf(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

let issuer;
let keys = newKeys();
let provider;
let handle;

/** A provider signing with the first key of `keys` for each algorithm (state, such as sessions, starts afresh). */
function serve() {
  provider = new Provider(issuer, configuration(keys));
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${error?.stack ?? error}\n`));
  handle = provider.callback();
}

async function testRoute(req, res) {
  if (req.method === 'POST' && req.url === '/test/sign') {
    const { header = {}, claims = {} } = await bodyOf(req);
    const jwk = keys.find((k) => k.alg === 'RS256');
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, ...header }).sign(await importJWK(jwk, 'RS256'));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
    return;
  }
  if (req.method === 'POST' && req.url === '/test/rotate') {
    keys = [...newKeys(), ...keys];
    serve();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kids: keys.map((k) => k.kid) }));
    return;
  }
  res.writeHead(404).end();
}

function fail(res, status) {
  return (error) => {
    if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(String(error?.message ?? error));
  };
}

const server = createServer((req, res) => {
  if (req.url?.startsWith('/interaction/')) return void interact(provider, req, res).catch(fail(res, 400));
  if (req.url?.startsWith('/test/')) return void testRoute(req, res).catch(fail(res, 500));
  handle(req, res);
});

server.listen(0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  serve();
  process.stdout.write(`OIDC issuer listening at ${issuer}\n`);
});

// Stopped by the test: at once, as a provider that goes down would (connections are dropped, not drained).
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
