import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { keysetPage } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { OrganisationErrors } from '../customers/customer-errors';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';
import { CreateDepartmentDto, CreateEmployeeDto, UpdateDepartmentDto } from './organisation.dto';

/** Roles that work inside a department and so must name one. */
const DEPARTMENT_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.DEPARTMENT_HEAD];

/**
 * Departments and staff. Every change is announced (`department.saved`, `employee.saved`) in its own
 * transaction, so the other services' copies of the organisation follow.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  private get departments() {
    return this.dataSource.getRepository(DepartmentEntity);
  }
  private get employees() {
    return this.dataSource.getRepository(EmployeeEntity);
  }

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    if (await this.departments.existsBy({ code: dto.code })) throw OrganisationErrors.DEPARTMENT_CODE_EXISTS(`Code ${dto.code} is taken`);
    return this.saveDepartment(this.departments.create({ name: dto.name, code: dto.code, headId: null }));
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.departments.find({ order: { code: 'ASC' } });
  }

  async department(id: string): Promise<DepartmentEntity> {
    const d = await this.departments.findOneBy({ id });
    if (!d) throw OrganisationErrors.DEPARTMENT_NOT_FOUND(`No department ${id}`);
    return d;
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.departments.findBy({ id: In([...ids]) });
  }

  async updateDepartment(id: string, dto: UpdateDepartmentDto): Promise<DepartmentEntity> {
    const d = await this.department(id);
    if (dto.headId !== undefined) {
      const head = await this.employees.findOneBy({ id: dto.headId });
      if (!head) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${dto.headId}`);
      if (head.departmentId !== id) throw OrganisationErrors.HEAD_NOT_IN_DEPARTMENT(`${head.name} is not in ${d.name}`);
      d.headId = head.id;
    }
    if (dto.name !== undefined) d.name = dto.name;
    return this.saveDepartment(d);
  }

  private saveDepartment(department: DepartmentEntity): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const saved = await manager.save(department);
      await this.outbox.append(manager, [
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
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const saved = await manager.save(this.employees.create({ name: dto.name, role: dto.role, departmentId: dto.departmentId ?? null }));
      await this.outbox.append(manager, [
        {
          name: 'employee.saved',
          payload: { employeeId: saved.id, name: saved.name, role: saved.role, departmentId: saved.departmentId, savedAt: this.clock.now().toISOString() },
        },
      ]);
      return saved;
    });
  }

  async employee(id: string): Promise<EmployeeEntity> {
    const e = await this.employees.findOneBy({ id });
    if (!e) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${id}`);
    return e;
  }

  findEmployee(id: string): Promise<EmployeeEntity | null> {
    return this.employees.findOneBy({ id });
  }

  employeesByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.employees.findBy({ id: In([...ids]) });
  }

  async listEmployees(filter: { departmentId?: string }, limit: number, cursor?: string) {
    const qb = this.employees.createQueryBuilder('e');
    if (filter.departmentId) qb.andWhere('e.department_id = :d', { d: filter.departmentId });
    return keysetPage(qb, 'e.id', { limit, cursor });
  }
}
