import { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal, RequestHeaders } from '@crm/auth';
import { OrganisationLoaders } from './organisation.loaders';
import { Department, Employee } from './organisation.models';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

/** A GraphQL type that names its owner employee and their department (a customer). */
export interface OwnedRecord {
  ownerId: string;
  departmentId: string;
}

/**
 * The `owner` and `department` fields of a type owned by an employee, resolved by the organisation (which owns
 * employees and departments, their models and loaders) for the capability that owns the type: its module
 * registers `ownerAndDepartmentFields(Customer)` among its providers. The field resolvers batch per request.
 */
export function ownerAndDepartmentFields(parent: Type<OwnedRecord>): Type<unknown> {
  @Resolver(() => parent)
  class OwnerAndDepartmentFields {
    constructor(readonly loaders: OrganisationLoaders) {}

    @ResolveField(() => Employee, { nullable: true, description: 'The owner: the employee who follows it up (ownerId)' })
    owner(@Parent() record: OwnedRecord, @Context() ctx: GqlContext) {
      return this.loaders.for(ctx.req).employee.load(record.ownerId);
    }

    @ResolveField(() => Department, { nullable: true, description: "The owning department, the owner's (departmentId)" })
    department(@Parent() record: OwnedRecord, @Context() ctx: GqlContext) {
      return this.loaders.for(ctx.req).department.load(record.departmentId);
    }
  }
  Object.defineProperty(OwnerAndDepartmentFields, 'name', { value: `${parent.name}OwnerAndDepartmentFields` });
  return OwnerAndDepartmentFields;
}
