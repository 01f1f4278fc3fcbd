import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, isEmployee, Principal, RequestHeaders } from '@crm/auth';
import { isUUID } from 'class-validator';
import { CommonErrors, inField } from '@crm/errors';
import { DeactivationService } from './deactivation.service';
import { CreateDepartmentDto, CreateEmployeeDto, UpdateDepartmentDto, UpdateEmployeeDto } from './organisation.dto';
import { OrganisationLoaders } from './organisation.loaders';
import { Department, Employee, EmployeeDeactivation, Reassignment } from './organisation.models';
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

  @Query(() => [Department], { description: 'Every department (as GET /api/v1/departments)' })
  @Allow(OrganisationPolicy.read)
  departments() {
    return this.organisation.listDepartments();
  }

  @Query(() => Department, { description: 'A department (as GET /api/v1/departments/{id}); DEPARTMENT_NOT_FOUND for an unknown id' })
  @Allow(OrganisationPolicy.read)
  department(@Args('id', { type: () => ID, description: 'The department' }) id: string) {
    if (!isUUID(id)) throw CommonErrors.VALIDATION_FAILED('id must be a UUID');
    return this.organisation.department(id);
  }

  @Mutation(() => Department, { description: 'Create a department (as POST /api/v1/departments)' })
  @Allow(OrganisationPolicy.createDepartment)
  createDepartment(@Args('input', { description: 'The department to create' }) input: CreateDepartmentDto) {
    return this.organisation.createDepartment(input);
  }

  @Mutation(() => Department, { description: 'Rename a department or appoint its head: an active employee of it (as PATCH /api/v1/departments/{id})' })
  @Allow(OrganisationPolicy.updateDepartment)
  updateDepartment(
    @Args('id', { type: () => ID, description: 'The department' }) id: string,
    @Args('input', { description: 'What to change' }) input: UpdateDepartmentDto,
  ) {
    return this.organisation.updateDepartment(id, input);
  }

  @ResolveField(() => Employee, { nullable: true, description: 'The employee who heads it; null while it has no head' })
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
    private readonly deactivation: DeactivationService,
    private readonly loaders: OrganisationLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @Query(() => [Employee], { description: 'Employees, up to 200 (as GET /api/v1/employees)' })
  @Allow(OrganisationPolicy.read)
  async employees(
    @Args('departmentId', { type: () => ID, nullable: true, description: 'Only employees of this department; left out: every department' }) departmentId: string | null,
    @Args('active', { type: () => Boolean, nullable: true, description: 'true: active only; false: deactivated only; left out: everyone' }) active: boolean | null,
  ) {
    return (await this.organisation.listEmployees({ departmentId: departmentId ?? undefined, active: active ?? undefined }, 200)).items;
  }

  @Query(() => Employee, { description: 'An employee, active or not (as GET /api/v1/employees/{id}); EMPLOYEE_NOT_FOUND for an unknown id' })
  @Allow(OrganisationPolicy.read)
  employee(@Args('id', { type: () => ID, description: 'The employee' }) id: string) {
    if (!isUUID(id)) throw CommonErrors.VALIDATION_FAILED('id must be a UUID');
    return this.organisation.employee(id);
  }

  @Query(() => Employee, { nullable: true, description: 'The calling employee; null for a partner key or a token of a bare role, which names no employee' })
  @Allow(OrganisationPolicy.me)
  me(@CurrentPrincipal() caller: Principal) {
    return isEmployee(caller) ? this.organisation.findEmployee(caller.employeeId) : null;
  }

  @Mutation(() => Employee, { description: 'Create an employee (as POST /api/v1/employees); LOGIN_TAKEN for a login in use' })
  @Allow(OrganisationPolicy.createEmployee)
  createEmployee(@Args('input', { description: 'The employee to create' }) input: CreateEmployeeDto) {
    return this.organisation.createEmployee(input);
  }

  @Mutation(() => Employee, {
    description: 'Change an employee (as PATCH /api/v1/employees/{id}): a new role or department ends their sessions; EMPLOYEE_HEADS_DEPARTMENT for the head of a department',
  })
  @Allow(OrganisationPolicy.updateEmployee)
  updateEmployee(
    @CurrentPrincipal() caller: Principal,
    @Args('id', { type: () => ID, description: 'The employee' }) id: string,
    @Args('input', { description: 'What to change' }) input: UpdateEmployeeDto,
  ) {
    return this.organisation.updateEmployee(caller, id, input);
  }

  @Mutation(() => EmployeeDeactivation, {
    description: "Deactivate an employee (as POST /api/v1/employees/{id}/deactivation): their customers are shared evenly among the department's active employees",
  })
  @Allow(OrganisationPolicy.deactivateEmployee)
  deactivateEmployee(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID, description: 'The employee to deactivate' }) id: string) {
    return this.deactivation.deactivate(caller, id);
  }

  @ResolveField(() => Department, { nullable: true, description: 'Their department; null for company-wide roles' })
  department(@Parent() e: Employee, @Context() ctx: GqlContext) {
    return e.departmentId ? this.loaders.for(ctx.req).department.load(e.departmentId) : null;
  }

  /** The entity holds a Date; the graph shows an ISO 8601 instant. */
  @ResolveField(() => String, { nullable: true, description: 'ISO 8601 instant the employee was deactivated; null while active' })
  deactivatedAt(@Parent() e: { deactivatedAt: Date | string | null }) {
    return e.deactivatedAt instanceof Date ? e.deactivatedAt.toISOString() : (e.deactivatedAt ?? null);
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

@Resolver(() => Reassignment)
export class ReassignmentResolver {
  constructor(private readonly loaders: OrganisationLoaders) {}

  /** The parent was reached through the guarded deactivateEmployee. */
  @ResolveField(() => Employee, { nullable: true, description: 'The colleague who took customers over' })
  employee(@Parent() r: Reassignment, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).employee.load(r.employeeId);
  }
}
