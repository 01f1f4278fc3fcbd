import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { isBusinessDate } from '@crm/clock';
import { DEFAULT_PAGE_SIZE, keysetCursor, MAX_PAGE_SIZE } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { isJoint, MeetingEntity } from './meeting.entity';
import { CreateMeetingDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';
import { Department, Meeting, MeetingConnection } from './meetings.models';
import { MeetingsPolicy } from './meetings.policy';
import { AFTER_ARG, FIRST_ARG, pageSize, toConnection, UuidFilterPipe } from '@crm/http';

function requireDate(from: string | undefined): void {
  if (from !== undefined && from !== null && !isBusinessDate(from)) {
    throw CommonErrors.VALIDATION_FAILED('from must be a date YYYY-MM-DD', {
      errors: [{ field: 'from', reason: 'must be a date YYYY-MM-DD' }],
    });
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(private readonly service: MeetingsService) {}

  @Query(() => Meeting, { nullable: true, description: 'A meeting; null when there is none with that id' })
  @Allow(MeetingsPolicy.read)
  meeting(@Args('id', { type: () => ID, description: 'The meeting' }) id: string) {
    return this.service.find(id);
  }

  @Query(() => [Meeting], {
    description: 'Meetings in date order, from a date on (a plain list; meetingsConnection pages)',
  })
  @Allow(MeetingsPolicy.read)
  async meetings(
    @Args('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `How many (1..${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE})`,
    })
    first?: number,
  ) {
    requireDate(from);
    const limit = Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    return (await this.service.list({ from }, limit)).items;
  }

  @Query(() => MeetingConnection, {
    description: 'Meetings in date order (then id), a page at a time, as GET /meetings',
  })
  @Allow(MeetingsPolicy.read)
  async meetingsConnection(
    @Args('from', { nullable: true, description: 'Meetings on or after this date, YYYY-MM-DD' })
    from?: string,
    @Args(
      'departmentId',
      { type: () => ID, nullable: true, description: 'Meetings of this department' },
      new UuidFilterPipe('departmentId'),
    )
    departmentId?: string,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    requireDate(from);
    const page = await this.service.list(
      { from: from ?? undefined, departmentId: departmentId ?? undefined },
      pageSize(first),
      after ?? undefined,
    );
    return toConnection(
      page,
      (m) => m,
      (m) => keysetCursor(m, { column: 'm.date', value: (x) => x.date }),
    );
  }

  @Mutation(() => Meeting, {
    description: 'J-1: plan a meeting; the order of departmentIds is the department order of J-3',
  })
  @Allow(MeetingsPolicy.schedule)
  scheduleMeeting(
    @CurrentPrincipal() caller: Principal,
    @Args('input', { description: 'The meeting to plan' }) input: CreateMeetingDto,
  ) {
    return this.service.create(caller, input);
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
