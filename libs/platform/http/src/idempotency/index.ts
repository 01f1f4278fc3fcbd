export * from './idempotency-key';
export * from './idempotency-seal';
export * from './idempotency-key.entity';
export * from './idempotency.errors';
export * from './idempotency.openapi';
export * from './idempotency.module';
