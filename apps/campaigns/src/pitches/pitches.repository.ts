import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { isUniqueViolation, type Tx } from '@crm/database';
import { PitchConsentEntity, PitchEntity } from './pitch.entities';

/** Every query on pitches and the holder's consents (J-10). */
@Injectable()
export class PitchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the consent unless it was given already; answers the consent as kept. */
  async grantConsent(consent: PitchConsentEntity, tx: Tx = this.dataSource.manager): Promise<PitchConsentEntity> {
    await tx.createQueryBuilder().insert().into(PitchConsentEntity).values(consent).orIgnore().execute();
    return (await tx.findOneBy(PitchConsentEntity, { meetingId: consent.meetingId, customerId: consent.customerId, assistantId: consent.assistantId }))!;
  }

  hasConsent(meetingId: string, customerId: string, assistantId: string, tx: Tx = this.dataSource.manager): Promise<boolean> {
    return tx.existsBy(PitchConsentEntity, { meetingId, customerId, assistantId });
  }

  /** Inserts the pitch, or answers null while another pitch to the customer is active (the partial unique index decides). */
  async start(pitch: Omit<PitchEntity, 'id'>, tx: Tx = this.dataSource.manager): Promise<PitchEntity | null> {
    try {
      return await tx.save(tx.create(PitchEntity, pitch));
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  active(meetingId: string, customerId: string, tx: Tx = this.dataSource.manager): Promise<PitchEntity | null> {
    return tx.findOneBy(PitchEntity, { meetingId, customerId, endedAt: IsNull() });
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<PitchEntity | null> {
    return tx.findOneBy(PitchEntity, { id });
  }

  save(pitch: PitchEntity, tx: Tx = this.dataSource.manager): Promise<PitchEntity> {
    return tx.save(pitch);
  }
}
