import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { IDEMPOTENCY_ENTITIES } from '@crm/http';
import { readModelEntities } from '@crm/service-kit';
import { ComplaintActionEntity, ComplaintEntity, ComplaintFineEntity } from '../complaints/complaint.entities';
import { migrations } from './migrations';

/** Everything the complaints service keeps, in its own schema. */
export const complaintsDatabase: ServiceDatabase = {
  schema: 'complaints',
  entities: [ComplaintEntity, ComplaintFineEntity, ComplaintActionEntity, ...readModelEntities(['organisation', 'customer-ownership']), ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES],
  migrations,
};
