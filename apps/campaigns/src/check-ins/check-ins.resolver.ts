import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { CheckInDto } from './check-ins.dto';
import { Attendance } from './check-ins.models';
import { CheckInsPolicy } from './check-ins.policy';
import { CheckInsService } from './check-ins.service';

@Resolver(() => Attendance)
export class CheckInResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @Mutation(() => Attendance, { description: 'J-9: check a customer in, with the customer who brought them' })
  @Allow(CheckInsPolicy.checkIn)
  async checkIn(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string, @Args('input', { description: 'The customer and who brought them' }) input: CheckInDto): Promise<Attendance> {
    const a = await this.checkIns.checkIn(caller, meetingId, input);
    return { ...a, checkedInAt: a.checkedInAt.toISOString() };
  }
}
