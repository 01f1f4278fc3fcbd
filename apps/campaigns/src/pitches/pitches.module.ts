import { Module } from '@nestjs/common';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UnderServedModule } from '../under-served/under-served.module';
import { PitchesController } from './pitches.controller';
import { PitchesRepository } from './pitches.repository';
import { PitchResolver } from './pitches.resolver';
import { PitchesService } from './pitches.service';

/** J-10: who presents to a customer at a meeting, and the follow-up employee's help with consent. */
@Module({
  imports: [MeetingsModule, CheckInsModule, InvitationsModule, UnderServedModule],
  controllers: [PitchesController],
  providers: [PitchesRepository, PitchesService, PitchResolver],
})
export class PitchesModule {}
