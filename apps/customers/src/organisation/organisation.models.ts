import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@crm/auth';

// GraphQL models are separate from TypeORM entities (architecture.md; the NestJS federation sample's models/).
registerEnumType(Role, {
  name: 'Role',
  description: 'A staff role (rules.md, "People and organisation"); it decides what its holder may do',
  valuesMap: {
    EMPLOYEE: { description: 'Sales and service staff, who follow up their own customers' },
    DEPARTMENT_HEAD: { description: 'Heads a department (部门经理)' },
    CRM_CLERK: { description: 'The CRM centre, which enters customer archives (O-2)' },
    COORDINATOR: { description: 'The coordinating assistant, who checks joint-meeting invitation sheets' },
    RESOURCE_DIRECTOR: { description: 'The customer resource director, who changes customer ownership' },
    GENERAL_MANAGER: { description: 'The general manager, who rules last and receives complaints' },
    ADMIN: { description: 'Sets the system up' },
  },
});

@ObjectType({ description: 'A department (事业部 / 部门): employees and one head' })
@Directive('@key(fields: "id")')
export class Department {
  @Field(() => ID, { description: 'The department' })
  id: string;

  @Field({ description: 'The name, for example 一部' })
  name: string;

  @Field({ description: 'Short unique code' })
  code: string;

  @Field(() => ID, { nullable: true, description: 'The employee who heads it; null while it has no head' })
  headId: string | null;
}

@ObjectType({ description: 'A member of staff, active or deactivated' })
@Directive('@key(fields: "id")')
export class Employee {
  @Field(() => ID, { description: 'The employee' })
  id: string;

  @Field({ description: 'The name' })
  name: string;

  @Field(() => Role, { description: 'What they do, and so what they may do' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Their department; null for company-wide roles' })
  departmentId: string | null;

  @Field(() => Department, { nullable: true, description: 'Their department; null for company-wide roles' })
  department?: Department | null;

  @Field(() => String, { nullable: true, description: 'What the employee signs in with (lower-case); null without one' })
  login: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant the employee was deactivated; null while active' })
  deactivatedAt: string | null;
}

@ObjectType({ description: "How many of a deactivated employee's customers one colleague took over" })
export class Reassignment {
  @Field(() => ID, { description: 'The colleague who took customers over' })
  employeeId: string;

  @Field(() => Int, { description: 'How many customers they took over' })
  customers: number;

  @Field(() => Employee, { nullable: true, description: 'The colleague who took customers over' })
  employee?: Employee | null;
}

@ObjectType({ description: 'A deactivation: the employee as they are now, and who took over their customers' })
export class EmployeeDeactivation {
  @Field(() => Employee, { description: 'The employee, deactivated' })
  employee: Employee;

  @Field(() => [Reassignment], { description: 'Empty when the employee owned no customer' })
  reassigned: Reassignment[];
}
