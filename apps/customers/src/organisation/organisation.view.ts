import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@crm/auth';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';

/** A department as REST shows it. */
export class DepartmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '一部' })
  name: string;

  @ApiProperty({ example: 'D1', description: 'Short unique code' })
  code: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The employee who heads the department' })
  headId: string | null;
}

/** An employee as REST shows it. */
export class EmployeeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for company-wide roles' })
  departmentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'wangfang', description: 'What the employee signs in with (lower-case); null without one' })
  login: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the employee was deactivated; null while active' })
  deactivatedAt: string | null;
}

/** How many of a deactivated employee's customers one colleague took over. */
export class ReassignmentView {
  @ApiProperty({ format: 'uuid', description: 'The colleague who took the customers over' })
  employeeId: string;

  @ApiProperty({ example: 3, description: 'How many customers they took over' })
  customers: number;
}

/** The answer to a deactivation: the employee as they are now, and where their customers went. */
export class DeactivationView extends EmployeeView {
  @ApiProperty({ type: [ReassignmentView], description: "Who took over the employee's customers, and how many each (empty when they owned none)" })
  reassigned: ReassignmentView[];
}

export const departmentView = (d: DepartmentEntity): DepartmentView => ({ id: d.id, name: d.name, code: d.code, headId: d.headId });

export const employeeView = (e: EmployeeEntity): EmployeeView => ({
  id: e.id,
  name: e.name,
  role: e.role,
  departmentId: e.departmentId,
  login: e.login,
  deactivatedAt: e.deactivatedAt ? e.deactivatedAt.toISOString() : null,
});

export const deactivationView = (d: { employee: EmployeeEntity; reassigned: ReassignmentView[] }): DeactivationView => ({ ...employeeView(d.employee), reassigned: d.reassigned });
