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
}

export const departmentView = (d: DepartmentEntity): DepartmentView => ({ id: d.id, name: d.name, code: d.code, headId: d.headId });

export const employeeView = (e: EmployeeEntity): EmployeeView => ({ id: e.id, name: e.name, role: e.role, departmentId: e.departmentId });
