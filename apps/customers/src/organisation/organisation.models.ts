import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@crm/auth';

// GraphQL models are separate from TypeORM entities (architecture.md; the NestJS federation sample's models/).
registerEnumType(Role, { name: 'Role' });

@ObjectType()
@Directive('@key(fields: "id")')
export class Department {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  code: string;

  @Field(() => ID, { nullable: true })
  headId: string | null;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Employee {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => Department, { nullable: true })
  department?: Department | null;

  @Field(() => String, { nullable: true, description: 'What the employee signs in with (lower-case); null without one' })
  login: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant the employee was deactivated; null while active' })
  deactivatedAt: string | null;
}

@ObjectType({ description: "How many of a deactivated employee's customers one colleague took over" })
export class Reassignment {
  @Field(() => ID)
  employeeId: string;

  @Field(() => Int)
  customers: number;

  @Field(() => Employee, { nullable: true })
  employee?: Employee | null;
}

@ObjectType({ description: 'A deactivation: the employee as they are now, and who took over their customers' })
export class EmployeeDeactivation {
  @Field(() => Employee)
  employee: Employee;

  @Field(() => [Reassignment], { description: 'Empty when the employee owned no customer' })
  reassigned: Reassignment[];
}
