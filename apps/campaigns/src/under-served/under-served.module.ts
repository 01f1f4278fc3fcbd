import { Module } from '@nestjs/common';
import { RosterConsumer } from './roster.consumer';
import { RosterRepository } from './roster.repository';

/** The read model of who owns which customer (J-2), fed by events. */
@Module({ providers: [RosterRepository, RosterConsumer], exports: [RosterRepository] })
export class RosterModule {}
