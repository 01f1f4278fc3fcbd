import { Module } from '@nestjs/common';
import { FinesConsumer } from './fines.consumer';
import { FinesController } from './fines.controller';
import { FinesRepository } from './fines.repository';
import { FineResolver } from './fines.resolver';
import { FinesService } from './fines.service';

/** the staff fines ledger, fed by fine.imposed. */
@Module({ controllers: [FinesController], providers: [FinesRepository, FinesService, FinesConsumer, FineResolver] })
export class FinesModule {}
