import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { OrganisationService } from '../organisation/organisation.service';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomerEntity } from '../customers/customer.entity';
import { DepartmentEntity } from '../organisation/department.entity';
import { EmployeeEntity } from '../organisation/employee.entity';

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export interface RequestLoaders {
  employee: DataLoader<string, EmployeeEntity | null>;
  department: DataLoader<string, DepartmentEntity | null>;
  customer: DataLoader<string, CustomerEntity | null>;
}

/**
 * One batch query per relation per request (architecture.md: DataLoader for every relation and reference).
 * The loaders hang off the request object rather than a request-scoped provider, so resolvers stay
 * singletons and nothing is rebuilt per request but the loaders themselves.
 */
@Injectable()
export class Loaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(
    private readonly organisation: OrganisationService,
    private readonly customers: CustomersRepository,
  ) {}

  for(request: object): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        employee: new DataLoader(async (ids) => byId(ids, await this.organisation.employeesByIds(ids))),
        department: new DataLoader(async (ids) => byId(ids, await this.organisation.departmentsByIds(ids))),
        customer: new DataLoader(async (ids) => byId(ids, await this.customers.findByIds(ids))),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
