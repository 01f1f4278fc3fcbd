import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { DepartmentReplica, EmployeeReplica, OrganisationDirectory } from '@crm/service-kit';
import { OrganisationErrors } from './organisation.errors';

/** Reads the organisation copy (OrganisationDirectory of @crm/service-kit) and refuses references to departments or staff it does not know. */
@Injectable()
export class OrganisationLookup {
  constructor(private readonly directory: OrganisationDirectory) {}

  /** The departments, in the order given; 422 naming every unknown one. */
  async departments(ids: readonly string[]): Promise<DepartmentReplica[]> {
    const found = await this.directory.departments(ids);
    const byId = new Map(found.map((d) => [d.id, d]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw OrganisationErrors.DEPARTMENT_NOT_FOUND(`No department ${missing.join(', ')}`, { departmentIds: missing });
    return ids.map((id) => byId.get(id)!);
  }

  async department(id: string): Promise<DepartmentReplica> {
    return (await this.departments([id]))[0];
  }

  /** The employees, in the order given; 422 naming every unknown one. */
  async employees(ids: readonly string[]): Promise<EmployeeReplica[]> {
    const found = await this.directory.employees(ids);
    const byId = new Map(found.map((e) => [e.id, e]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${missing.join(', ')}`, { employeeIds: missing });
    return ids.map((id) => byId.get(id)!);
  }

  /** The head of every department, by department id (J-7 fines the head). */
  headsByDepartment(tx?: Tx): Promise<Map<string, string | null>> {
    return this.directory.headsByDepartment(tx);
  }
}
