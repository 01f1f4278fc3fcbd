import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { inField } from '@crm/errors';
import { OrganisationLoaders } from './organisation.loaders';
import { Department, Employee } from './organisation.models';
import { OrganisationPolicy } from './organisation.policy';
import { OrganisationService } from './organisation.service';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly loaders: OrganisationLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @Query(() => [Department])
  @Allow(OrganisationPolicy.read)
  departments() {
    return this.organisation.listDepartments();
  }

  @ResolveField(() => Employee, { nullable: true })
  head(@Parent() d: Department, @Context() ctx: GqlContext) {
    return d.headId ? this.loaders.for(ctx.req).employee.load(d.headId) : null;
  }

  /** Reached through `_entities`, where no guard runs: the caller is checked here. */
  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, OrganisationPolicy.read.scopes);
      return this.loaders.for(ctx.req).department.load(ref.id);
    });
  }
}

@Resolver(() => Employee)
export class EmployeeResolver {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly loaders: OrganisationLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @Query(() => [Employee])
  @Allow(OrganisationPolicy.read)
  async employees(@Args('departmentId', { type: () => ID, nullable: true }) departmentId: string | null) {
    return (await this.organisation.listEmployees({ departmentId: departmentId ?? undefined }, 200)).items;
  }

  @ResolveField(() => Department, { nullable: true })
  department(@Parent() e: Employee, @Context() ctx: GqlContext) {
    return e.departmentId ? this.loaders.for(ctx.req).department.load(e.departmentId) : null;
  }

  /** Reached through `_entities`, where no guard runs: the caller is checked here. */
  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, OrganisationPolicy.read.scopes);
      return this.loaders.for(ctx.req).employee.load(ref.id);
    });
  }
}
