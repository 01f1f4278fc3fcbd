import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { CheckInDto } from '../check-ins/check-ins.dto';
import { CheckInsService } from '../check-ins/check-ins.service';
import { Attendance } from './models';

@Resolver(() => Attendance)
export class CheckInResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @Mutation(() => Attendance, { description: 'J-9: check a customer in, with the customer who brought them' })
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  async checkIn(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: CheckInDto): Promise<Attendance> {
    const a = await this.checkIns.checkIn(caller, meetingId, input);
    return { ...a, checkedInAt: a.checkedInAt.toISOString() };
  }
}
