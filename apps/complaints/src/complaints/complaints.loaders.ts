import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ComplaintEntity } from './complaint.entities';
import { complaintActionView, ComplaintActionView } from './complaint.view';
import { ComplaintsRepository } from './complaints.repository';

export interface RequestLoaders {
  complaintsOfCustomer: DataLoader<string, ComplaintEntity[]>;
  actionsOfComplaint: DataLoader<string, ComplaintActionView[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class ComplaintsLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(private readonly complaints: ComplaintsRepository) {}

  for(request: object): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        complaintsOfCustomer: new DataLoader(async (ids) => {
          const rows = await this.complaints.ofCustomers(ids);
          return ids.map((id) => rows.filter((r) => r.customerId === id));
        }),
        actionsOfComplaint: new DataLoader(async (ids) => {
          const rows = await this.complaints.actionsOf(ids);
          return ids.map((id) => rows.filter((a) => a.complaintId === id).map(complaintActionView));
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
