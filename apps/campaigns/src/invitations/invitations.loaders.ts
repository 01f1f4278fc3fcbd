import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { InvitationEntity } from '../invitations/invitation.entity';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsRepository } from '../meetings/meetings.repository';

export interface RequestLoaders {
  meeting: DataLoader<string, MeetingEntity | null>;
  invitationsOfCustomer: DataLoader<string, InvitationEntity[]>;
}

/** One batch query per relation per request; the loaders hang off the request, resolvers stay singletons. */
@Injectable()
export class Loaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly invitations: InvitationsRepository,
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
