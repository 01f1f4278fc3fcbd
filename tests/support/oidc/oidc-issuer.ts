import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The resource indicators tests/support/oidc/issuer.mjs knows, and the audience and algorithm of their tokens. */
export const OIDC_RESOURCES = {
  /** aud `crm-suite`, RS256 */
  suite: 'urn:crm:suite',
  /** aud `crm-suite`, ES256 */
  suiteEs256: 'urn:crm:suite:es256',
  /** aud `other-api`: a token of the same provider meant for another API */
  otherApi: 'urn:other:api',
} as const;

const CLIENT_ID = 'crm-web';
const CLIENT_SECRET = 'crm-web-secret';
const REDIRECT_URI = 'http://127.0.0.1/callback';

export interface OidcIssuer {
  /** The provider's issuer URL, as its discovery document and its tokens name it (no trailing slash). */
  readonly issuer: string;
  /**
   * Signs `login` in through the authorization-code flow with PKCE, over HTTP as a browser and a web client
   * would (following the provider's redirects with its cookies), and answers the access token the provider
   * issues for `resource`.
   */
  accessToken(login: string, resource?: string): Promise<string>;
  /** A JWT with exactly these claims (and header parameters), signed with the provider's current RS256 key. */
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** New keys sign from now on; the old ones stay published. Answers every published key id, newest first. */
  rotateKeys(): Promise<string[]>;
  /** What the process wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** Cookies of one browser: each `Set-Cookie` of the provider kept and sent back (paths ignored: one host). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function authorizationCode(issuer: string, login: string, resource: string, challenge: string): Promise<string> {
  const jar = new CookieJar();
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid crm',
    resource,
    login_hint: login,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  let url = `${issuer}/auth?${query}`;
  // /auth → login interaction → /auth/{uid} → consent interaction → /auth/{uid} → the redirect URI with a code
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    const next = new URL(location, url);
    if (`${next.origin}${next.pathname}` === REDIRECT_URI) {
      const code = next.searchParams.get('code');
      if (!code) throw new Error(`the provider redirected back without a code: ${next.search}`);
      if (next.searchParams.get('state') !== query.get('state')) throw new Error('the provider redirected back with another state');
      return code;
    }
    url = next.href;
  }
  throw new Error(`the provider did not redirect back within 10 hops (last at ${url})`);
}

/** Starts tests/support/oidc/issuer.mjs, a real OpenID provider, as a child process on a free port. */
export async function startOidcIssuer(timeoutMs = 20_000): Promise<OidcIssuer> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'issuer.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /OIDC issuer listening at (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited with ${code}:\n${output}`));
    });
  });

  return {
    issuer,
    output: () => output,
    async accessToken(login, resource = OIDC_RESOURCES.suite) {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const code = await authorizationCode(issuer, login, resource, challenge);
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
          resource,
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
        }),
      });
      const body = (await res.json()) as { access_token?: string };
      if (res.status !== 200 || !body.access_token) throw new Error(`the provider's token endpoint answered ${res.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async sign(claims, header = {}) {
      const res = await fetch(`${issuer}/test/sign`, { method: 'POST', body: JSON.stringify({ claims, header }) });
      if (res.status !== 200) throw new Error(`the provider did not sign: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async rotateKeys() {
      const res = await fetch(`${issuer}/test/rotate`, { method: 'POST' });
      if (res.status !== 200) throw new Error(`the provider did not rotate its keys: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { kids: string[] }).kids;
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
