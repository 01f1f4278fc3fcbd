import { ApiKeyRecord } from '@crm/auth';
import { ServiceDatabase } from '@crm/database';
import { EVENT_ENTITIES } from '@crm/events';
import { IDEMPOTENCY_ENTITIES } from '@crm/http';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { ArchiveBatchCustomerEntity, ArchiveBatchEntity } from '../archives/archive-batch.entity';
import { OutreachEventEntity } from '../archives/outreach-event.entity';
import { CustomerAttendanceEntity, CustomerComplaintEntity, CustomerPurchaseEntity } from '../classification/customer-facts.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { CustomerHistoryEntity } from '../history/customer-history.entity';
import { DepartmentEntity } from '../organisation/department.entity';
import { EmployeeEntity } from '../organisation/employee.entity';
import { CredentialEntity } from '../identity/credential.entity';
import { RefreshTokenEntity, SessionEntity } from '../identity/session.entity';
import { SigningKeyEntity } from '../identity/signing-key.entity';
import { TakeoverReportEntity } from '../takeovers/takeover-report.entity';
import { migrations } from './migrations';

/** Everything the customers service keeps, in its own schema. */
export const customersDatabase: ServiceDatabase = {
  schema: 'customers',
  entities: [
    DepartmentEntity,
    EmployeeEntity,
    CustomerEntity,
    CustomerHistoryEntity,
    AuditEntryEntity,
    OutreachEventEntity,
    ArchiveBatchEntity,
    ArchiveBatchCustomerEntity,
    CustomerPurchaseEntity,
    CustomerAttendanceEntity,
    CustomerComplaintEntity,
    TakeoverReportEntity,
    SigningKeyEntity,
    CredentialEntity,
    SessionEntity,
    RefreshTokenEntity,
    ApiKeyRecord,
    ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES,
  ],
  migrations,
};
