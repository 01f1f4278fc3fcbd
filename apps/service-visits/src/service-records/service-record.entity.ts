import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ServiceCategory {
  PRE_SALE = 'PRE_SALE',
  IN_SALE = 'IN_SALE',
  AFTER_SALE = 'AFTER_SALE',
  REGULAR = 'REGULAR',
}

export enum ServiceKind {
  HOME_VISIT = 'HOME_VISIT',
  PHONE_CALL = 'PHONE_CALL',
  BLOOD_PRESSURE_CHECK = 'BLOOD_PRESSURE_CHECK',
  MATERIALS = 'MATERIALS',
  RECEPTION = 'RECEPTION',
  DELIVERY = 'DELIVERY',
}

/**
 * A service given to a customer (V-1). Health readings are sensitive (P-1): only their AES-256-GCM seal and the
 * id of the key that made it are stored, never the values.
 */
@Entity({ name: 'service_records' })
@Index('service_records_of_customer', ['customerId', 'createdAt'])
@Check('service_records_category', `"category" IN ('PRE_SALE', 'IN_SALE', 'AFTER_SALE', 'REGULAR')`)
@Check('service_records_readings_sealed', `("readings_sealed" IS NULL) = ("readings_key_id" IS NULL)`)
export class ServiceRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  /** Who served, and their department at the time (V-2 counts home visits of the owning department only). */
  @Column('uuid')
  employeeId: string;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @Column('text')
  category: ServiceCategory;

  @Column('text')
  kind: ServiceKind;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('bytea', { nullable: true })
  readingsSealed: Buffer | null;

  @Column('text', { nullable: true })
  readingsKeyId: string | null;

  @Column('timestamptz')
  createdAt: Date;
}
