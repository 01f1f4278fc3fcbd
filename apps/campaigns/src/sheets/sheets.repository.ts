import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '@crm/database';
import { MeetingLockEntity } from '../invitations/meeting-lock.entity';
import { SpeakerReservationEntity } from '../invitations/speaker-reservation.entity';
import { ClaimOutcome, ReconciliationEntity, SheetClaimEntity, SheetEntity } from './sheet.entities';

/** A joint meeting the sheet-cutoff sweep still has days to reconcile of (createdAt: when it was scheduled). */
export interface OpenJointMeeting {
  id: string;
  date: string;
  slot: 'AFTERNOON' | 'EVENING';
  departmentIds: string[];
  createdAt: Date;
}

/** Every query of daily sheets, claims, locks, reconciliations and sheet fines. Set-based: one statement per step. */
@Injectable()
export class SheetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises one department's sheets for one meeting until the transaction ends. */
  async lockDepartmentSheets(tx: Tx, meetingId: string, departmentId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sheet:${meetingId}:${departmentId}`]);
  }

  /** Inserts the sheet (a department may hand in several a day: supplementary sheets, J-3); answers its id. */
  async insertSheet(tx: Tx, s: Omit<SheetEntity, 'id'>): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO sheets (meeting_id, department_id, submitted_by, submitted_at, for_day, effective_day, late, customer_ids, planned_customer_ids, speaker_customer_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [s.meetingId, s.departmentId, s.submittedBy, s.submittedAt, s.forDay, s.effectiveDay, s.late, s.customerIds, s.plannedCustomerIds, s.speakerCustomerIds],
    );
    return rows[0].id;
  }

  /** J-12: reserves the speakers nobody holds yet to the department; answers the holder of every listed customer. */
  async reserveSpeakers(tx: Tx, r: { meetingId: string; departmentId: string; sheetId: string; customerIds: string[]; at: Date }): Promise<Map<string, string>> {
    if (!r.customerIds.length) return new Map();
    await tx.query(
      `INSERT INTO speaker_reservations (meeting_id, customer_id, department_id, sheet_id, reserved_at)
       SELECT $1, c, $2, $3, $4 FROM unnest($5::uuid[]) AS c
       ON CONFLICT (meeting_id, customer_id) DO NOTHING`,
      [r.meetingId, r.departmentId, r.sheetId, r.at, r.customerIds],
    );
    return this.speakerHolders(tx, r.meetingId, r.customerIds);
  }

  /** J-12: the department holding each of these customers as a speaker, by customer (those reserved only). */
  async speakerHolders(tx: Tx, meetingId: string, customerIds: string[]): Promise<Map<string, string>> {
    if (!customerIds.length) return new Map();
    const rows = await tx.find(SpeakerReservationEntity, { where: { meetingId, customerId: In(customerIds) } });
    return new Map(rows.map((r) => [r.customerId, r.departmentId]));
  }

  /** The sheets of a meeting handed in for `day` (all days when none), of one department or all, in the order handed in. */
  listSheets(meetingId: string, filter: { day?: string; departmentId?: string }): Promise<SheetEntity[]> {
    return this.dataSource.getRepository(SheetEntity).find({
      where: { meetingId, ...(filter.day ? { forDay: filter.day } : {}), ...(filter.departmentId ? { departmentId: filter.departmentId } : {}) },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Takes the lock for every listed customer nobody holds yet; answers the customers this sheet locked. */
  async lock(tx: Tx, meetingId: string, departmentId: string, sheetId: string, customerIds: string[], at: Date): Promise<Set<string>> {
    const rows: { customer_id: string }[] = await tx.query(
      `INSERT INTO meeting_locks (meeting_id, customer_id, department_id, sheet_id, locked_at)
       SELECT $1, c, $2, $3, $4 FROM unnest($5::uuid[]) AS c
       ON CONFLICT (meeting_id, customer_id) DO NOTHING RETURNING customer_id`,
      [meetingId, departmentId, sheetId, at, customerIds],
    );
    return new Set(rows.map((r) => r.customer_id));
  }

  locks(tx: Tx, meetingId: string, customerIds: string[]): Promise<MeetingLockEntity[]> {
    return tx.getRepository(MeetingLockEntity).createQueryBuilder('l').where('l.meeting_id = :m', { m: meetingId }).andWhere('l.customer_id = ANY(:c)', { c: customerIds }).getMany();
  }

  async setLock(tx: Tx, lock: MeetingLockEntity): Promise<void> {
    await tx.query(
      `INSERT INTO meeting_locks (meeting_id, customer_id, department_id, sheet_id, locked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, customer_id) DO UPDATE SET department_id = EXCLUDED.department_id, sheet_id = EXCLUDED.sheet_id, locked_at = EXCLUDED.locked_at`,
      [lock.meetingId, lock.customerId, lock.departmentId, lock.sheetId, lock.lockedAt],
    );
  }

  async insertClaims(tx: Tx, claims: SheetClaimEntity[]): Promise<void> {
    if (!claims.length) return;
    await tx.query(
      `INSERT INTO sheet_claims (sheet_id, customer_id, meeting_id, department_id, effective_day, late, submitted_at, outcome, reason)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::boolean[], $7::timestamptz[], $8::text[], $9::text[])`,
      [
        claims.map((c) => c.sheetId),
        claims.map((c) => c.customerId),
        claims.map((c) => c.meetingId),
        claims.map((c) => c.departmentId),
        claims.map((c) => c.effectiveDay),
        claims.map((c) => c.late),
        claims.map((c) => c.submittedAt),
        claims.map((c) => c.outcome),
        claims.map((c) => c.reason),
      ],
    );
  }

  async settleClaim(tx: Tx, sheetId: string, customerId: string, outcome: ClaimOutcome, reason: string | null): Promise<void> {
    await tx.update(SheetClaimEntity, { sheetId, customerId }, { outcome, reason });
  }

  /** Claims of the customers with a claim still pending whose effective day has come, and every claim on them. */
  async claimsToSettle(tx: Tx, meetingId: string, day: string): Promise<SheetClaimEntity[]> {
    return tx.query(
      `SELECT sheet_id AS "sheetId", customer_id AS "customerId", meeting_id AS "meetingId", department_id AS "departmentId",
              to_char(effective_day, 'YYYY-MM-DD') AS "effectiveDay", late, submitted_at AS "submittedAt", outcome, reason
         FROM sheet_claims
        WHERE meeting_id = $1 AND customer_id IN (
          SELECT customer_id FROM sheet_claims WHERE meeting_id = $1 AND outcome = 'PENDING' AND effective_day <= $2)`,
      [meetingId, day],
    );
  }

  /** Claims that lost on sheets effective on `day`: the duplicates the day's report lists. */
  lostOn(tx: Tx, meetingId: string, day: string): Promise<SheetClaimEntity[]> {
    return tx.find(SheetClaimEntity, { where: { meetingId, effectiveDay: day, outcome: ClaimOutcome.LOST } });
  }

  /** The sheets a day's reconciliation shows: those handed in for the day, and those whose customers count for it (late ones of the day before). */
  sheetsFor(tx: Tx, meetingId: string, day: string): Promise<SheetEntity[]> {
    return tx.find(SheetEntity, { where: [{ meetingId, forDay: day }, { meetingId, effectiveDay: day }], order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  /** Claims the day's reconciliation; false when it was made already (the key makes it once, J-8). */
  async startReconciliation(tx: Tx, meetingId: string, day: string, at: Date): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO reconciliations (meeting_id, day, reconciled_at, report) VALUES ($1, $2, $3, '{}') ON CONFLICT DO NOTHING RETURNING day`,
      [meetingId, day, at],
    );
    return rows.length === 1;
  }

  async finishReconciliation(tx: Tx, meetingId: string, day: string, report: Record<string, unknown>): Promise<void> {
    await tx.query('UPDATE reconciliations SET report = $3 WHERE meeting_id = $1 AND day = $2', [meetingId, day, JSON.stringify(report)]);
  }

  /** Records the fine unless the department and day were fined already; true when this call recorded it. */
  async recordFine(tx: Tx, f: { meetingId: string; departmentId: string; day: string; fineId: string; status: string; headId: string | null; amountFen: number }): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO sheet_fines (meeting_id, department_id, day, fine_id, status, head_id, amount_fen) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING fine_id`,
      [f.meetingId, f.departmentId, f.day, f.fineId, f.status, f.headId, f.amountFen],
    );
    return rows.length === 1;
  }

  reconciliations(meetingId: string, day?: string): Promise<ReconciliationEntity[]> {
    return this.dataSource.getRepository(ReconciliationEntity).find({ where: day ? { meetingId, day } : { meetingId }, order: { day: 'ASC' } });
  }

  /**
   * Joint meetings whose window has opened and whose meeting day (the last obligation day, reconciled last) is not
   * reconciled yet, however long ago: a sweep that was down for days catches up (J-8) instead of losing those days
   * and their fines. A meeting scheduled on its own day after the J-6 deadline owes no sheet at all (J-3) and is left out.
   */
  async openJointMeetings(untilDay: string, deadlines: { afternoon: string; evening: string; tz: string }): Promise<OpenJointMeeting[]> {
    return this.dataSource.query(
      `SELECT m.id, to_char(m.date, 'YYYY-MM-DD') AS date, m.slot, m.department_ids AS "departmentIds", m.created_at AS "createdAt"
         FROM meetings m
        WHERE cardinality(m.department_ids) > 1 AND m.date <= $1
          AND NOT EXISTS (SELECT 1 FROM reconciliations r WHERE r.meeting_id = m.id AND r.day = m.date)
          AND m.created_at < ((to_char(m.date, 'YYYY-MM-DD') || ' ' || CASE m.slot WHEN 'AFTERNOON' THEN $2 ELSE $3 END)::timestamp AT TIME ZONE $4)
        ORDER BY m.date, m.id`,
      [untilDay, deadlines.afternoon, deadlines.evening, deadlines.tz],
    );
  }

  async reconciledDays(meetingId: string): Promise<Set<string>> {
    const rows: { day: string }[] = await this.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM reconciliations WHERE meeting_id = $1`, [meetingId]);
    return new Set(rows.map((r) => r.day));
  }
}
