import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CustomerEntity } from './customer.entity';
import { CustomersService } from './customers.service';

/**
 * One batch query per request for customers reached by id (a referrer, a federation reference). The loaders
 * hang off the request object, so resolvers stay singletons.
 */
@Injectable()
export class CustomersLoaders {
  private readonly perRequest = new WeakMap<object, DataLoader<string, CustomerEntity | null>>();

  constructor(private readonly customers: CustomersService) {}

  customer(request: object): DataLoader<string, CustomerEntity | null> {
    let loader = this.perRequest.get(request);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = new Map((await this.customers.findMany(ids)).map((c) => [c.id, c]));
        return ids.map((id) => rows.get(id) ?? null);
      });
      this.perRequest.set(request, loader);
    }
    return loader;
  }
}
