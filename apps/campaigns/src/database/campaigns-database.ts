import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { IDEMPOTENCY_ENTITIES } from '@crm/http';
import { readModelEntities } from '@crm/service-kit';
import { AttendanceEntity } from '../check-ins/attendance.entity';
import { RefundEntity, SaleEntity } from '../sales/sale.entities';
import { DisputeEntity, DisputeFineEntity } from '../disputes/dispute.entities';
import { PitchConsentEntity, PitchEntity } from '../pitches/pitch.entities';
import { ReconciliationEntity, SheetClaimEntity, SheetEntity, SheetFineEntity } from '../sheets/sheet.entities';
import { InvitationEntity } from '../invitations/invitation.entity';
import { MeetingLockEntity } from '../invitations/meeting-lock.entity';
import { SpeakerReservationEntity } from '../invitations/speaker-reservation.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { OutreachEventEntity } from '../outreach/outreach-event.entity';
import { UnderServedCustomerEntity } from '../under-served/under-served-customer.entity';
import { migrations } from './migrations';

/** Everything the campaigns service keeps, in its own schema. */
export const campaignsDatabase: ServiceDatabase = {
  schema: 'campaigns',
  entities: [OutreachEventEntity, MeetingEntity, InvitationEntity, MeetingLockEntity, SpeakerReservationEntity, SheetEntity, SheetClaimEntity, ReconciliationEntity, SheetFineEntity, AttendanceEntity, SaleEntity, RefundEntity, DisputeEntity, DisputeFineEntity, PitchEntity, PitchConsentEntity, UnderServedCustomerEntity, ...readModelEntities(['organisation', 'customer-ownership']), ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES],
  migrations,
};
