import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { readModelEntities } from '@crm/service-kit';
import { ComplaintEntity, ComplaintFineEntity } from '../complaints/complaint.entities';
import { KnownCustomerEntity } from '../customers/known-customer.entity';
import { migrations } from './migrations';

/** Everything the complaints service keeps, in its own schema. */
export const complaintsDatabase: ServiceDatabase = {
  schema: 'complaints',
  entities: [ComplaintEntity, ComplaintFineEntity, KnownCustomerEntity, ...readModelEntities(['organisation']), ...EVENT_ENTITIES],
  migrations,
};
