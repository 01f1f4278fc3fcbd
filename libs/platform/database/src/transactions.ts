import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * A unit of work in progress. Services hold it and hand it to repositories (and to the outbox writer); only
 * repositories run queries on it (lint keeps queries out of `*.service.ts`).
 */
export type Tx = EntityManager;

/**
 * The transaction helper of architecture.md "Inside a service": a service opens a transaction here, never on
 * the DataSource, so every query of the unit of work stays in its repositories.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a new transaction, or inside `outer` when the caller is already in one (an event handler). */
  run<T>(work: (tx: Tx) => Promise<T>, options: { outer?: Tx; isolation?: IsolationLevel } = {}): Promise<T> {
    if (options.outer) return work(options.outer);
    return options.isolation ? this.dataSource.transaction(options.isolation, work) : this.dataSource.transaction(work);
  }
}

/** Provides Transactions to every module of a service (serviceFoundation imports it). */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}
