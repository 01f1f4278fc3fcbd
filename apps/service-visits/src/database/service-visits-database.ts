import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { IDEMPOTENCY_ENTITIES } from '@crm/http';
import { readModelEntities } from '@crm/service-kit';
import { ComplaintResolutionEntity } from '../complaints/complaint-resolution.entity';
import { CustomerServiceStateEntity } from '../customers/customer-service-state.entity';
import { ReadingsReadEntity } from '../service-records/readings-read.entity';
import { ServiceRecordEntity } from '../service-records/service-record.entity';
import { SurveyEntity } from '../surveys/survey.entity';
import { VisitPlanEntity } from '../visit-plans/visit-plan.entity';
import { migrations } from './migrations';

/** Everything the service-visits service keeps, in its own schema. */
export const serviceVisitsDatabase: ServiceDatabase = {
  schema: 'service_visits',
  entities: [
    CustomerServiceStateEntity,
    ServiceRecordEntity,
    ReadingsReadEntity,
    VisitPlanEntity,
    ComplaintResolutionEntity,
    SurveyEntity,
    ...readModelEntities(['organisation', 'customer-ownership']),
    ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES,
  ],
  migrations,
};
