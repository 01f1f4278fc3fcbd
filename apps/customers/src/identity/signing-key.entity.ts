import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/**
 * A key the issuer signs access tokens with (ES256). The newest key whose `activatesAt` has passed signs;
 * every key not yet retired is published in the JWKS, so a new key is known to every verifier before it is
 * used, and an old one stays until the last token it signed has expired (docs/identity.md "Rotating keys").
 */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  /** The JWK `kid`: the key's RFC 7638 thumbprint. */
  @PrimaryColumn('text')
  kid: string;

  @Column('text')
  algorithm: string;

  @Column('jsonb')
  publicJwk: JWK;

  @Column('jsonb')
  privateJwk: JWK;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  activatesAt: Date;

  /** When the key stops being published; tokens it signed are refused from then on. */
  @Column('timestamptz', { nullable: true })
  retiresAt: Date | null;
}
