import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The hash is a PHC string that names its
 * own parameters, so raising them later still verifies older hashes.
 */
const PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** A hash of nothing anyone knows: an unknown login is checked against it, so it costs what a wrong password costs. */
  private decoy = '';

  async onModuleInit(): Promise<void> {
    this.decoy = await hash(randomBytes(32).toString('base64url'), PARAMETERS);
  }

  hash(password: string): Promise<string> {
    return hash(password, PARAMETERS);
  }

  /** False for a wrong password, and for no hash at all after the same work as a real check. */
  async matches(password: string, stored: string | null): Promise<boolean> {
    const ok = await verify(stored ?? this.decoy, password).catch(() => false);
    return stored !== null && ok;
  }
}
