import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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
}
