import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Principal } from '@crm/auth';
import { ServiceRecord, serviceRecordOf } from './service-records.models';
import { ServiceRecordsRepository } from './service-records.repository';
import { ServiceRecordsService } from './service-records.service';

export interface RequestLoaders {
  /** A customer's records as the request's caller may see them: notes only where P-1 allows, never readings. */
  serviceRecordsOfCustomer: DataLoader<string, ServiceRecord[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class ServiceRecordsLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(
    private readonly records: ServiceRecordsRepository,
    private readonly service: ServiceRecordsService,
  ) {}

  for(request: object & { principal?: Principal }): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        serviceRecordsOfCustomer: new DataLoader(async (ids) => {
          const byCustomer = new Map<string, ServiceRecord[]>(ids.map((id) => [id, []]));
          const notesShown = await this.service.notesVisibleAmong(request.principal, ids);
          for (const r of await this.records.ofCustomers(ids)) byCustomer.get(r.customerId)?.push(serviceRecordOf(r, notesShown.has(r.customerId)));
          return ids.map((id) => byCustomer.get(id) ?? []);
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
