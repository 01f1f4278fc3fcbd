import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employee's password, as an argon2id hash (the PHC string names its own parameters and salt). */
@Entity({ name: 'credentials' })
export class CredentialEntity {
  @PrimaryColumn('uuid')
  employeeId: string;

  @Column('text')
  passwordHash: string;

  @Column('timestamptz')
  changedAt: Date;
}
