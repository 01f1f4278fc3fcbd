import { Injectable } from '@nestjs/common';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Page, Transactions } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';
import { CreateDepartmentDto, CreateEmployeeDto, UpdateDepartmentDto } from './organisation.dto';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';

/** Roles that work inside a department and so must name one. */
const DEPARTMENT_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.DEPARTMENT_HEAD];

/**
 * Departments and staff. Every change is announced (`department.saved`, `employee.saved`) in its own
 * transaction, so the other services' copies of the organisation follow.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly repo: OrganisationRepository,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    if (await this.repo.departmentCodeTaken(dto.code)) throw OrganisationErrors.DEPARTMENT_CODE_EXISTS(`Code ${dto.code} is taken`);
    return this.saveDepartment(this.repo.newDepartment({ name: dto.name, code: dto.code, headId: null }));
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.repo.listDepartments();
  }

  async department(id: string): Promise<DepartmentEntity> {
    const d = await this.repo.findDepartment(id);
    if (!d) throw OrganisationErrors.DEPARTMENT_NOT_FOUND(`No department ${id}`);
    return d;
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.repo.departmentsByIds(ids);
  }

  async updateDepartment(id: string, dto: UpdateDepartmentDto): Promise<DepartmentEntity> {
    const d = await this.department(id);
    if (dto.headId !== undefined) {
      const head = await this.repo.findEmployee(dto.headId);
      if (!head) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${dto.headId}`);
      if (head.departmentId !== id) throw OrganisationErrors.HEAD_NOT_IN_DEPARTMENT(`${head.name} is not in ${d.name}`);
      d.headId = head.id;
    }
    if (dto.name !== undefined) d.name = dto.name;
    return this.saveDepartment(d);
  }

  private saveDepartment(department: DepartmentEntity): Promise<DepartmentEntity> {
    return this.transactions.run(async (tx) => {
      const saved = await this.repo.saveDepartment(tx, department);
      await this.outbox.append(tx, [
        {
          name: 'department.saved',
          payload: { departmentId: saved.id, name: saved.name, code: saved.code, headId: saved.headId, savedAt: this.clock.now().toISOString() },
        },
      ]);
      return saved;
    });
  }

  async createEmployee(dto: CreateEmployeeDto): Promise<EmployeeEntity> {
    if (DEPARTMENT_ROLES.includes(dto.role) && !dto.departmentId) {
      throw OrganisationErrors.DEPARTMENT_REQUIRED(`A ${dto.role} needs a departmentId`);
    }
    if (dto.departmentId) await this.department(dto.departmentId);
    return this.transactions.run(async (tx) => {
      const saved = await this.repo.insertEmployee(tx, { name: dto.name, role: dto.role, departmentId: dto.departmentId ?? null });
      await this.outbox.append(tx, [
        {
          name: 'employee.saved',
          payload: { employeeId: saved.id, name: saved.name, role: saved.role, departmentId: saved.departmentId, savedAt: this.clock.now().toISOString() },
        },
      ]);
      return saved;
    });
  }

  async employee(id: string): Promise<EmployeeEntity> {
    const e = await this.repo.findEmployee(id);
    if (!e) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${id}`);
    return e;
  }

  findEmployee(id: string): Promise<EmployeeEntity | null> {
    return this.repo.findEmployee(id);
  }

  employeesByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.repo.employeesByIds(ids);
  }

  listEmployees(filter: { departmentId?: string }, limit: number, cursor?: string): Promise<Page<EmployeeEntity>> {
    return this.repo.listEmployees(filter, limit, cursor);
  }
}
