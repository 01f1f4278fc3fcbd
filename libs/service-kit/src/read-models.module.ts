import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { OrganisationDirectory } from './organisation/organisation-directory';
import { ORGANISATION_ENTITIES, OrganisationReplica } from './organisation/organisation.replica';
import { CustomerOwnership } from './ownership/customer-ownership.entity';
import { CustomerOwnershipReplica } from './ownership/customer-ownership.replica';
import { CustomerOwnerships } from './ownership/customer-ownerships.repository';

/**
 * The read models a service may keep of customers' data (architecture.md "Decisions of the second round": one
 * shared library, not a copy per service): `organisation` (departments, heads, staff and partner keys) and
 * `customer-ownership` (who owns which customer).
 */
export type ReadModel = 'organisation' | 'customer-ownership';

const PARTS: Record<ReadModel, { entities: Type<unknown>[]; providers: Provider[]; exports: Provider[] }> = {
  organisation: { entities: ORGANISATION_ENTITIES, providers: [OrganisationReplica, OrganisationDirectory], exports: [OrganisationDirectory] },
  'customer-ownership': {
    entities: [CustomerOwnership],
    providers: [CustomerOwnershipReplica, CustomerOwnerships],
    exports: [CustomerOwnershipReplica, CustomerOwnerships],
  },
};

/** The tables of these read models, to list in the service's DataSource. */
export function readModelEntities(models: readonly ReadModel[]): Type<unknown>[] {
  return models.flatMap((m) => PARTS[m].entities);
}

/** Fed by their replicas (event handlers), read through OrganisationDirectory and CustomerOwnerships. */
@Module({})
export class ReadModelsModule {
  static forService(models: readonly ReadModel[]): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: models.flatMap((m) => PARTS[m].providers),
      exports: models.flatMap((m) => PARTS[m].exports),
    };
  }
}
