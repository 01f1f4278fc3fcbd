import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { RosterModule } from '../roster/roster.module';
import { PitchesController } from './pitches.controller';
import { PitchesService } from './pitches.service';

/** J-10: who presents to a customer at a meeting, and the follow-up employee's help with consent. */
@Module({ imports: [MeetingsModule, RosterModule], controllers: [PitchesController], providers: [PitchesService] })
export class PitchesModule {}
