import { createPrivateKey, KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';

/**
 * The signing key of every test run: a fixed ES256 key pair, for tests only (it is in the repository, so it
 * must never sign anything else). global-setup puts it in the template database as the customers service's
 * signing key, so the tokens tests make with `bearer()` and the tokens the running customers service issues
 * are signed by the same key and verified alike by every service.
 */
export const TEST_SIGNING_KEY = {
  kid: 'HdAjqc5DoN3gQzLzrxivoLBoevVWWsqrzv5CeOqxo7o',
  publicJwk: {
    kty: 'EC',
    x: 'IlfIeEdivT5buz3M9pf9fC5Piy8-2PtwbAhxvylBveE',
    y: 'FyEuT_CJ9tNeF3oZEA_JxG1LS1jEEO7jWSSx2OyILnQ',
    crv: 'P-256',
    kid: 'HdAjqc5DoN3gQzLzrxivoLBoevVWWsqrzv5CeOqxo7o',
    alg: 'ES256',
    use: 'sig',
  },
  privateJwk: {
    kty: 'EC',
    x: 'IlfIeEdivT5buz3M9pf9fC5Piy8-2PtwbAhxvylBveE',
    y: 'FyEuT_CJ9tNeF3oZEA_JxG1LS1jEEO7jWSSx2OyILnQ',
    crv: 'P-256',
    d: 'MZRVLlK88ZJzm9Ab5i_p4qe3Q0b5qEtdM7cNj6C39NU',
    kid: 'HdAjqc5DoN3gQzLzrxivoLBoevVWWsqrzv5CeOqxo7o',
    alg: 'ES256',
    use: 'sig',
  },
} as const;

export const testPrivateKey: KeyObject = createPrivateKey({
  key: TEST_SIGNING_KEY.privateJwk,
  format: 'jwk',
});

/** The SQL that makes the test key the customers service's signing key (published, active since 2000). */
export const INSERT_TEST_SIGNING_KEY = {
  sql: `INSERT INTO customers.signing_keys (kid, algorithm, public_jwk, private_jwk, created_at, activates_at, retires_at)
        VALUES ($1, 'ES256', $2, $3, '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z', NULL) ON CONFLICT (kid) DO NOTHING`,
  params: [
    TEST_SIGNING_KEY.kid,
    JSON.stringify(TEST_SIGNING_KEY.publicJwk),
    JSON.stringify(TEST_SIGNING_KEY.privateJwk),
  ],
};

let jwks: Promise<{ url: string; server: Server }> | undefined;

/**
 * A JWKS endpoint in this test process publishing the test key, for services tested without the customers
 * service beside them: they fetch it as they fetch customers' in production (a real HTTP call, a real cache).
 */
export async function testJwksUrl(): Promise<string> {
  jwks ??= new Promise((resolve, reject) => {
    const body = JSON.stringify({ keys: [TEST_SIGNING_KEY.publicJwk] });
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/.well-known/jwks.json`, server });
    });
  });
  return (await jwks).url;
}
