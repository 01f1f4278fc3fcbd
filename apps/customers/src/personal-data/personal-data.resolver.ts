import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, DataRequestPolicy, Principal } from '@crm/auth';
import { CustomerErasure } from './personal-data.models';
import { PersonalDataService } from './personal-data.service';

/** P-3 over GraphQL: `eraseCustomer(id, reason)`, as `POST /customers/{id}/erasure`. */
@Resolver(() => CustomerErasure)
export class PersonalDataResolver {
  constructor(private readonly personalData: PersonalDataService) {}

  @Mutation(() => CustomerErasure, {
    description: "Erase a customer's personal data (P-3, as POST /api/v1/customers/{id}/erasure): name becomes a fixed text, phone empty, gender, birth date and address null; audited with the reason",
  })
  @Allow(DataRequestPolicy.eraseCustomer)
  eraseCustomer(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: 'The customer' }) id: string,
    @Args('reason', { description: 'Why, kept in the audit trail (P-2)' }) reason: string,
  ): Promise<CustomerErasure> {
    return this.personalData.erase(viewer, id, reason);
  }
}
