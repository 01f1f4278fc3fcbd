import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '@crm/auth';
import { isBusinessDate } from '@crm/clock';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { isJoint, MeetingEntity } from './meeting.entity';
import { MeetingsService } from './meetings.service';
import { Department, Meeting } from './meetings.models';
import { MeetingsPolicy } from './meetings.policy';

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(private readonly service: MeetingsService) {}

  @Query(() => Meeting, { nullable: true })
  @Allow(MeetingsPolicy.read)
  meeting(@Args('id', { type: () => ID }) id: string) {
    return this.service.find(id);
  }

  @Query(() => [Meeting], { description: 'Meetings in date order, from a date on' })
  @Allow(MeetingsPolicy.read)
  async meetings(
    @Args('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    if (from !== undefined && !isBusinessDate(from)) {
      throw CommonErrors.VALIDATION_FAILED('from must be a date YYYY-MM-DD', { errors: [{ field: 'from', reason: 'must be a date YYYY-MM-DD' }] });
    }
    const limit = Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    return (await this.service.list({ from }, limit)).items;
  }

  @ResolveField(() => Boolean)
  joint(@Parent() m: MeetingEntity) {
    return isJoint(m);
  }

  @ResolveField(() => [Department])
  departments(@Parent() m: MeetingEntity): Department[] {
    return m.departmentIds.map((id) => ({ id }));
  }
}
