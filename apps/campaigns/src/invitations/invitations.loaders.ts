import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationsService } from './invitations.service';

export interface RequestLoaders {
  meeting: DataLoader<string, MeetingEntity | null>;
  invitationsOfCustomer: DataLoader<string, InvitationEntity[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class InvitationLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
  ) {}

  for(request: object): RequestLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        meeting: new DataLoader(async (ids) => {
          const rows = new Map((await this.meetings.findMany(ids)).map((m) => [m.id, m]));
          return ids.map((id) => rows.get(id) ?? null);
        }),
        invitationsOfCustomer: new DataLoader(async (ids) => {
          const rows = await this.invitations.ofCustomers(ids);
          return ids.map((id) => rows.filter((r) => r.customerId === id));
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
