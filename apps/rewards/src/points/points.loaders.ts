import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Principal } from '@crm/auth';
import { PointsService } from './points.service';
import type { PointsAccountView, PointsEntryView } from './points.view';

export interface PointsRequestLoaders {
  account: DataLoader<string, PointsAccountView>;
  /** Whether the request's caller may see each customer's points (P-1), one query per batch. */
  visible: DataLoader<string, boolean>;
  /** The newest entries of customers, one loader per page size asked for. */
  newestEntries(first: number): DataLoader<string, PointsEntryView[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class PointsLoaders {
  private readonly perRequest = new WeakMap<object, PointsRequestLoaders>();

  constructor(private readonly points: PointsService) {}

  for(request: object & { principal?: Principal }): PointsRequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      const entries = new Map<number, DataLoader<string, PointsEntryView[]>>();
      loaders = {
        account: new DataLoader((ids) => this.points.accountsOf(ids)),
        visible: new DataLoader((ids) => this.points.visibleAmong(request.principal, ids)),
        newestEntries: (first) => {
          let loader = entries.get(first);
          if (!loader) {
            loader = new DataLoader((ids) => this.points.newestEntriesOf(ids, first));
            entries.set(first, loader);
          }
          return loader;
        },
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
