import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, DataRequestPolicy, Principal } from '@crm/auth';
import { CustomerErasure } from './personal-data.models';
import { PersonalDataService } from './personal-data.service';

/** P-3 over GraphQL: `eraseCustomer(id, reason)`, as `POST /customers/{id}/erasure`. */
@Resolver(() => CustomerErasure)
export class PersonalDataResolver {
  constructor(private readonly personalData: PersonalDataService) {}

  @Mutation(() => CustomerErasure)
  @Allow(DataRequestPolicy.eraseCustomer)
  eraseCustomer(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<CustomerErasure> {
    return this.personalData.erase(viewer, id, reason);
  }
}
