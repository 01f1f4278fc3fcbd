import { Module } from '@nestjs/common';
import { SaleResolver } from '../graphql/sale.resolver';
import { MeetingsModule } from '../meetings/meetings.module';
import { RosterModule } from '../roster/roster.module';
import { SalesController } from './sales.controller';
import { SalesService } from './sales.service';

/** J-10: sales and refunds. */
@Module({ imports: [MeetingsModule, RosterModule], controllers: [SalesController], providers: [SalesService, SaleResolver] })
export class SalesModule {}
