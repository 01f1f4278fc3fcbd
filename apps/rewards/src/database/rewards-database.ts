import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { IDEMPOTENCY_ENTITIES } from '@crm/http';
import { readModelEntities } from '@crm/service-kit';
import { KnownCustomerEntity } from '../customers/known-customer.entity';
import { FineEntryEntity } from '../fines/fine-entry.entity';
import { PointsAccountEntity, PointsCorrectionEntity, PointsEntryEntity } from '../ledger/points.entities';
import { RedemptionRequestEntity } from '../points/redemption-request.entity';
import { ReferralBonusEntity, ReferralRefundEntity, ReferralSaleEntity, ReferralSpendEntity } from '../referrals/referral.entities';
import { migrations } from './migrations';

/** Everything the rewards service keeps, in its own schema. */
export const rewardsDatabase: ServiceDatabase = {
  schema: 'rewards',
  entities: [
    PointsEntryEntity,
    PointsAccountEntity,
    PointsCorrectionEntity,
    RedemptionRequestEntity,
    KnownCustomerEntity,
    ReferralBonusEntity,
    ReferralSaleEntity,
    ReferralRefundEntity,
    ReferralSpendEntity,
    FineEntryEntity,
    ...readModelEntities(['organisation', 'customer-ownership']),
    ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES,
  ],
  migrations,
};
