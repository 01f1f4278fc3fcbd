import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
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

  findEmployee(id: string): Promise<EmployeeEntity | null> {
    return this.employees().findOneBy({ id });
  }

  employeesByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.employees().findBy({ id: In([...ids]) });
  }

  insertEmployee(tx: Tx, fields: Pick<EmployeeEntity, 'name' | 'role' | 'departmentId'>): Promise<EmployeeEntity> {
    return tx.save(this.employees(tx).create(fields));
  }

  listEmployees(filter: { departmentId?: string }, limit: number, cursor?: string): Promise<Page<EmployeeEntity>> {
    const qb = this.employees().createQueryBuilder('e');
    if (filter.departmentId) qb.andWhere('e.department_id = :d', { d: filter.departmentId });
    return keysetPage(qb, 'e.id', { limit, cursor });
  }
}
