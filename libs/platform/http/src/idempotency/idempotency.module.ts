import { Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { installIdempotencyEffects } from './idempotency-effects';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * The Idempotency-Key of every REST `POST`, for a service with a database (serviceFoundation imports it); the
 * service lists IDEMPOTENCY_ENTITIES in its DataSource and has the table through a migration of its own.
 */
@Module({
  providers: [IdempotencyRepository, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class IdempotencyModule implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit() {
    installIdempotencyEffects(this.dataSource);
  }
}
