import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LedgerRepository } from '../ledger/ledger.repository';
import { PointsEntryEntity } from '../ledger/points.entities';
import { accountView, PointsAccountView } from '../points/points.views';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';

export interface RequestLoaders {
  account: DataLoader<string, PointsAccountView>;
  /** The newest entries of customers, one loader per page size asked for. */
  newestEntries(first: number): DataLoader<string, PointsEntryEntity[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class Loaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(
    private readonly ledger: LedgerRepository,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  for(request: object): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      const entries = new Map<number, DataLoader<string, PointsEntryEntity[]>>();
      loaders = {
        account: new DataLoader(async (ids) => {
          const rows = new Map((await this.ledger.findAccounts(ids)).map((a) => [a.customerId, a]));
          return ids.map((id) => accountView(id, rows.get(id), this.options.tiers));
        }),
        newestEntries: (first) => {
          let loader = entries.get(first);
          if (!loader) {
            loader = new DataLoader(async (ids) => {
              const rows = await this.ledger.newestEntriesOf(ids, first);
              return ids.map((id) => rows.filter((r) => r.customerId === id));
            });
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
