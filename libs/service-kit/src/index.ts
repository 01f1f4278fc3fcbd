// The service kit: what every service's AppModule is built from (serviceFoundation) and the read models of
// customers' data that the other services keep (organisation, partner keys, customer ownership).
export { serviceFoundation, type FoundationConfig } from './service-foundation';
export { ReadModelsModule, readModelEntities, type ReadModel } from './read-models.module';
export { DepartmentReplica, EmployeeReplica } from './organisation/organisation.entities';
export { OrganisationReplica, ORGANISATION_ENTITIES } from './organisation/organisation.replica';
export { OrganisationDirectory } from './organisation/organisation-directory';
export { CustomerOwnership } from './ownership/customer-ownership.entity';
export { CustomerOwnerships, READ_YOUR_WRITES_WAIT_MS } from './ownership/customer-ownerships.repository';
export { CustomerOwnershipReplica, type OwnershipChange, type OwnershipCause, type OwnershipListener } from './ownership/customer-ownership.replica';
export { NEWER_OWNERSHIP_WINS, type Ownership } from './ownership/ownership-rule';
export { PersonalDataPartView, personalDataPart } from './personal-data/personal-data-part';
