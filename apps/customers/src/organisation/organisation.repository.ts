import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Role } from '@crm/auth';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';

/** Every query of departments and employees (the originals the other services replicate). */
@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private departments(tx?: Tx) {
    return (tx ?? this.dataSource.manager).getRepository(DepartmentEntity);
  }

  private employees(tx?: Tx) {
    return (tx ?? this.dataSource.manager).getRepository(EmployeeEntity);
  }

  departmentCodeTaken(code: string): Promise<boolean> {
    return this.departments().existsBy({ code });
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.departments().find({ order: { code: 'ASC' } });
  }

  findDepartment(id: string): Promise<DepartmentEntity | null> {
    return this.departments().findOneBy({ id });
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.departments().findBy({ id: In([...ids]) });
  }

  newDepartment(fields: Pick<DepartmentEntity, 'name' | 'code' | 'headId'>): DepartmentEntity {
    return this.departments().create(fields);
  }

  saveDepartment(tx: Tx, department: DepartmentEntity): Promise<DepartmentEntity> {
    return tx.save(department);
  }

  /** The department, locked FOR UPDATE: changes of its staff's standing (deactivations) happen one at a time. */
  lockDepartment(tx: Tx, id: string): Promise<DepartmentEntity | null> {
    return this.departments(tx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The departments the employee heads (normally none or one). */
  departmentsHeadedBy(tx: Tx, employeeId: string): Promise<DepartmentEntity[]> {
    return this.departments(tx).find({ where: { headId: employeeId }, order: { code: 'ASC' } });
  }

  findEmployee(id: string): Promise<EmployeeEntity | null> {
    return this.employees().findOneBy({ id });
  }

  employeesByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.employees().findBy({ id: In([...ids]) });
  }

  /**
   * The employee locked for a change: `write` (FOR UPDATE) to change them, `share` (FOR SHARE) to rely on them
   * staying as they are (active) until commit.
   */
  lockEmployee(tx: Tx, id: string, mode: 'write' | 'share'): Promise<EmployeeEntity | null> {
    return this.employees(tx).findOne({ where: { id }, lock: { mode: mode === 'write' ? 'pessimistic_write' : 'pessimistic_read' } });
  }

  loginTaken(login: string): Promise<boolean> {
    return this.employees().existsBy({ login });
  }

  insertEmployee(tx: Tx, fields: Pick<EmployeeEntity, 'name' | 'role' | 'departmentId' | 'login'>): Promise<EmployeeEntity> {
    return tx.save(this.employees(tx).create(fields));
  }

  saveEmployee(tx: Tx, employee: EmployeeEntity): Promise<EmployeeEntity> {
    return tx.save(employee);
  }

  /** The department's active employees in these roles, but `excludedId`, by id. */
  activeEmployeesOf(tx: Tx, departmentId: string, roles: readonly Role[], excludedId: string): Promise<EmployeeEntity[]> {
    return this.employees(tx)
      .createQueryBuilder('e')
      .where('e.department_id = :d AND e.role IN (:...roles) AND e.deactivated_at IS NULL AND e.id <> :x', { d: departmentId, roles, x: excludedId })
      .orderBy('e.id')
      .getMany();
  }

  listEmployees(filter: { departmentId?: string; active?: boolean }, limit: number, cursor?: string): Promise<Page<EmployeeEntity>> {
    const qb = this.employees().createQueryBuilder('e');
    if (filter.departmentId) qb.andWhere('e.department_id = :d', { d: filter.departmentId });
    if (filter.active !== undefined) qb.andWhere(filter.active ? 'e.deactivated_at IS NULL' : 'e.deactivated_at IS NOT NULL');
    return keysetPage(qb, 'e.id', { limit, cursor });
  }
}
