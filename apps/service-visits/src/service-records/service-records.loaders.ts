import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ServiceRecordEntity } from './service-record.entity';
import { ServiceRecordsRepository } from './service-records.repository';

export interface RequestLoaders {
  serviceRecordsOfCustomer: DataLoader<string, ServiceRecordEntity[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class ServiceRecordsLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(private readonly records: ServiceRecordsRepository) {}

  for(request: object): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        serviceRecordsOfCustomer: new DataLoader(async (ids) => {
          const byCustomer = new Map<string, ServiceRecordEntity[]>(ids.map((id) => [id, []]));
          for (const r of await this.records.ofCustomers(ids)) byCustomer.get(r.customerId)?.push(r);
          return ids.map((id) => byCustomer.get(id) ?? []);
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
