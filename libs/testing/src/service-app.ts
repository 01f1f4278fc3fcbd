import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureServiceApp } from '@crm/http';
import jwt from 'jsonwebtoken';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, DEFAULT_ISSUER, Role } from '@crm/auth';
import { scratchDatabase, ScratchDatabase } from './database';
import { dropRedisPrefix, scratchRedisPrefix, testRedisUrl } from './redis-keys';
import { TEST_SIGNING_KEY, testJwksUrl, testPrivateKey } from './test-signing-key';

export interface TestService {
  app: NestFastifyApplication;
  db: ScratchDatabase;
  redisPrefix: string;
  env: Record<string, string>;
  inject(options: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<{ statusCode: number; json: () => any; body: string; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * A service as it runs in production, on a database cloned from the migrated template and a Redis prefix of
 * its own; requests go through Fastify's inject (the whole HTTP pipeline, no socket).
 */
export async function startTestService(
  build: (env: NodeJS.ProcessEnv) => DynamicModule,
  options: { name: string; template?: string; env?: Record<string, string> } ,
): Promise<TestService> {
  const db = await scratchDatabase(options.template ?? process.env.TEST_TEMPLATE_DATABASE ?? 'crm_test_template');
  const redisPrefix = scratchRedisPrefix();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: redisPrefix,
    AUTH_JWKS_URL: await testJwksUrl(),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const app = await NestFactory.create<NestFastifyApplication>(build(env), new FastifyAdapter({ bodyLimit: 20 * 1024 * 1024 }), { logger: ['error', 'warn'], abortOnError: false });
  configureServiceApp(app, { name: options.name, logLevel: 'warn' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    redisPrefix,
    env,
    inject: async (o) => {
      const res = await app.getHttpAdapter().getInstance().inject({ method: o.method as 'GET', url: o.url, payload: o.payload as string, headers: o.headers });
      return { statusCode: res.statusCode, json: () => res.json(), body: res.body, headers: res.headers };
    },
    close: async () => {
      await app.close();
      await db.drop();
      await dropRedisPrefix(redisPrefix);
    },
  };
}

/**
 * An Authorization header for an employee (or a role with no employee behind it), signed with the test key as
 * the issuer signs a development token: no session version, so it stands on its claims (outside production).
 * Synchronous (jsonwebtoken), so a test can write `headers: bearer(Role.ADMIN)` inline.
 */
export function bearer(
  role: Role,
  employeeId = '00000000-0000-4000-8000-000000000001',
  departmentId: string | null = null,
  extra: { sid?: string; ver?: number; ttlSeconds?: number } = {},
): Record<string, string> {
  const { ttlSeconds = 3600, ...session } = extra;
  const token = jwt.sign({ role, departmentId, ...session }, testPrivateKey, {
    algorithm: ACCESS_TOKEN_ALGORITHM,
    keyid: TEST_SIGNING_KEY.kid,
    subject: employeeId,
    issuer: DEFAULT_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    expiresIn: ttlSeconds,
  });
  return { authorization: `Bearer ${token}` };
}
