import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';
import { OrganisationService } from './organisation.service';

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export interface OrganisationRequestLoaders {
  employee: DataLoader<string, EmployeeEntity | null>;
  department: DataLoader<string, DepartmentEntity | null>;
}

/**
 * One batch query per relation per request (architecture.md: DataLoader for every relation and reference).
 * The loaders hang off the request object rather than a request-scoped provider, so resolvers stay
 * singletons and nothing is rebuilt per request but the loaders themselves.
 */
@Injectable()
export class OrganisationLoaders {
  private readonly perRequest = new WeakMap<object, OrganisationRequestLoaders>();

  constructor(private readonly organisation: OrganisationService) {}

  for(request: object): OrganisationRequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        employee: new DataLoader(async (ids) => byId(ids, await this.organisation.employeesByIds(ids))),
        department: new DataLoader(async (ids) => byId(ids, await this.organisation.departmentsByIds(ids))),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
