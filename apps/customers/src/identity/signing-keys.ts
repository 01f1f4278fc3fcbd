import { Inject, Injectable } from '@nestjs/common';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import { AccessTokenKeys, ACCESS_TOKEN_ALGORITHM } from '@crm/auth';
import { realNow } from '@crm/clock';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { SigningKeyEntity } from './signing-key.entity';
import { SigningKeysRepository } from './signing-keys.repository';

interface LoadedKeys {
  at: number;
  published: SigningKeyEntity[];
  verify: JWTVerifyGetKey;
  signing?: { kid: string; key: CryptoKey };
}


/**
 * The issuer's keys (ES256), kept in the database so every replica of customers signs with the same key and a
 * restart keeps them. The newest key whose activation has passed signs; every key not retired is published
 * (GET /.well-known/jwks.json), so a rotated key is in every verifier's cache before a token uses it, and the
 * old one is still published until the last token it signed has expired. Replicas re-read the keys every
 * `keyReloadSeconds`, and at once when a token names a key they do not know.
 */
@Injectable()
export class SigningKeys extends AccessTokenKeys {
  private loaded?: LoadedKeys;
  private loading?: Promise<LoadedKeys>;

  constructor(
    private readonly repository: SigningKeysRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {
    super();
  }

  /** For verification in this service: the published keys, re-read when a token names one they lack. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    let keys = await this.keys();
    if (header.kid && !keys.published.some((k) => k.kid === header.kid) && realNow().getTime() - keys.at > 1_000) keys = await this.keys(true);
    return keys.verify(header, token);
  };

  /** The key that signs now, with its id. */
  async signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    const keys = await this.keys();
    if (!keys.signing) throw new Error('no signing key is active yet');
    return keys.signing;
  }

  /** The public halves of every published key, as GET /.well-known/jwks.json answers them. */
  async publicKeys(): Promise<JSONWebKeySet> {
    return { keys: (await this.keys()).published.map((k) => k.publicJwk) };
  }

  /**
   * A new key, published now and signing after `publishAheadSeconds`; the others stop being published once the
   * last token they can have signed has expired, so nobody is signed out (docs/identity.md "Rotating keys").
   * `immediately` (a key that may have leaked): the new key signs at once and the others are withdrawn now;
   * access tokens they signed are refused within a minute (the verifiers' cache) and clients refresh.
   */
  async rotate(options: { immediately?: boolean } = {}): Promise<{ kid: string; activatesAt: Date; previousRetireAt: Date }> {
    const now = realNow();
    const key = await newKey(options.immediately ? now : new Date(now.getTime() + this.options.publishAheadSeconds * 1000));
    const previousRetireAt = options.immediately ? now : new Date(key.activatesAt.getTime() + (this.options.accessTokenTtlSeconds + 60) * 1000);
    await this.repository.exclusively(async (manager) => {
      await this.repository.insert(key, manager);
      await this.repository.retireAllBut(key.kid, previousRetireAt, manager);
    });
    this.loaded = undefined;
    return { kid: key.kid, activatesAt: key.activatesAt, previousRetireAt };
  }

  private keys(reload = false): Promise<LoadedKeys> {
    const now = realNow();
    if (!reload && this.loaded && now.getTime() - this.loaded.at < this.options.keyReloadSeconds * 1000) return Promise.resolve(this.loaded);
    this.loading ??= this.load(now).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(now: Date): Promise<LoadedKeys> {
    let published = await this.repository.published(now);
    if (published.length === 0) {
      // The first start of the suite: make the first key (under a lock, so two replicas make one between them).
      published = await this.repository.exclusively(async (manager) => {
        if ((await this.repository.published(now, manager)).length === 0) await this.repository.insert(await newKey(now), manager);
        return this.repository.published(now, manager);
      });
    }
    const active = published.find((k) => k.activatesAt <= now);
    const loaded: LoadedKeys = {
      at: now.getTime(),
      published,
      verify: createLocalJWKSet({ keys: published.map((k) => k.publicJwk) }),
      ...(active ? { signing: { kid: active.kid, key: (await importJWK(active.privateJwk, ACCESS_TOKEN_ALGORITHM)) as CryptoKey } } : {}),
    };
    this.loaded = loaded;
    return loaded;
  }
}

async function newKey(activatesAt: Date): Promise<SigningKeyEntity> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
  return Object.assign(new SigningKeyEntity(), {
    kid,
    algorithm: ACCESS_TOKEN_ALGORITHM,
    publicJwk: { ...publicJwk, ...meta },
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    createdAt: realNow(),
    activatesAt,
    retiresAt: null,
  });
}
