import { Module } from '@nestjs/common';
import { UnderServedConsumer } from './under-served.consumer';
import { UnderServedRepository } from './under-served.repository';
import { UnderServedService } from './under-served.service';

/** V-2 in campaigns: the under-served flag (service-visits' verdicts), read with the shared customer ownership (J-2). */
@Module({ providers: [UnderServedRepository, UnderServedService, UnderServedConsumer], exports: [UnderServedService] })
export class UnderServedModule {}
