import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { readModelEntities } from '@crm/service-kit';
import { ComplaintResolutionEntity } from '../complaints/complaint-resolution.entity';
import { ServedCustomerEntity } from '../customers/served-customer.entity';
import { ReadingsReadEntity } from '../health-data/readings-read.entity';
import { ServiceRecordEntity } from '../service-records/service-record.entity';
import { SurveyEntity } from '../surveys/survey.entity';
import { VisitPlanEntity } from '../visit-plans/visit-plan.entity';
import { migrations } from './migrations';

/** Everything the service-visits service keeps, in its own schema. */
export const serviceVisitsDatabase: ServiceDatabase = {
  schema: 'service_visits',
  entities: [
    ServedCustomerEntity,
    ServiceRecordEntity,
    ReadingsReadEntity,
    VisitPlanEntity,
    ComplaintResolutionEntity,
    SurveyEntity,
    ...readModelEntities(['organisation']),
    ...EVENT_ENTITIES,
  ],
  migrations,
};
