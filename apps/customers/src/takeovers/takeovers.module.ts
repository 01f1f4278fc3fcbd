import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OwnershipModule } from '../ownership/ownership.module';
import { TakeoversConsumer } from './takeovers.consumer';
import { TakeoversController } from './takeovers.controller';
import { TakeoversRepository } from './takeovers.repository';
import { TakeoversResolver } from './takeovers.resolver';
import { TakeoversService } from './takeovers.service';

/** V-2 takeover reports: filed by campaigns' invitations, decided by the resource director. */
@Module({
  imports: [CustomersModule, OwnershipModule],
  controllers: [TakeoversController],
  providers: [TakeoversRepository, TakeoversService, TakeoversResolver, TakeoversConsumer],
})
export class TakeoversModule {}
