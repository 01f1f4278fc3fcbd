import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DepartmentReplica, EmployeeReplica } from './organisation.entities';

/** Every query on the organisation replica (departments, heads, staff) that a service's rules read. */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  departments(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<DepartmentReplica[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(DepartmentReplica, { id: In([...ids]) });
  }

  department(id: string, manager: EntityManager = this.dataSource.manager): Promise<DepartmentReplica | null> {
    return manager.findOneBy(DepartmentReplica, { id });
  }

  employees(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<EmployeeReplica[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(EmployeeReplica, { id: In([...ids]) });
  }

  employee(id: string, manager: EntityManager = this.dataSource.manager): Promise<EmployeeReplica | null> {
    return manager.findOneBy(EmployeeReplica, { id });
  }

  /** The head of every department, by department id (null where a department has none). */
  async headsByDepartment(manager: EntityManager = this.dataSource.manager): Promise<Map<string, string | null>> {
    const rows = await manager.find(DepartmentReplica, { select: { id: true, headId: true } });
    return new Map(rows.map((d) => [d.id, d.headId]));
  }
}
