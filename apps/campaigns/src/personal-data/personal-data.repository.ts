import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';

type Row = Record<string, unknown>;

/** What (besides the shared ownership read model) campaigns holds about one customer, table by table, as plain rows (ids, amounts in fen, dates, texts). */
export interface CampaignsTables {
  underServed: Row | null;
  invitations: Row[];
  takeoverReports: Row[];
  sheetMentions: Row[];
  sheetClaims: Row[];
  meetingLocks: Row[];
  speakerReservations: Row[];
  checkIns: Row[];
  sales: Row[];
  refunds: Row[];
  pitches: Row[];
  pitchConsents: Row[];
  disputes: Row[];
}

/**
 * Every query of P-3 in campaigns: reading everything kept about a customer (the export) and scrubbing the free
 * texts that could name them (the erasure). Reads the tables of the other capabilities by their columns only.
 */
@Injectable()
export class PersonalDataRepository {
  async holdings(tx: Tx, customerId: string): Promise<CampaignsTables> {
    const rows = (sql: string): Promise<Row[]> => tx.query(sql, [customerId]);
    const one = async (sql: string): Promise<Row | null> => (await rows(sql))[0] ?? null;
    // One after the other: a transaction's queries share one connection.
    const underServed = await one(
      `SELECT owner_id AS "ownerId", department_id AS "departmentId", under_served AS "underServed", verdict_at AS "verdictAt" FROM under_served_customers WHERE customer_id = $1`,
    );
    const invitations = await rows(
      `SELECT id, meeting_id AS "meetingId", employee_id AS "employeeId", department_id AS "departmentId", status, invited_at AS "invitedAt", confirmed_at AS "confirmedAt"
       FROM invitations WHERE customer_id = $1 ORDER BY invited_at, id`,
    );
    const takeoverReports = await rows(`SELECT payload, occurred_at AS "occurredAt" FROM outbox WHERE name = 'takeover.reported' AND payload->>'customerId' = $1::text ORDER BY sequence`);
    const sheetMentions = await rows(
      `SELECT id AS "sheetId", meeting_id AS "meetingId", department_id AS "departmentId", submitted_by AS "submittedBy", submitted_at AS "submittedAt",
              for_day::text AS "forDay", effective_day::text AS "effectiveDay", late,
              $1 = ANY(customer_ids) AS listed, $1 = ANY(planned_customer_ids) AS planned, $1 = ANY(speaker_customer_ids) AS speaker
       FROM sheets WHERE $1 = ANY(customer_ids) OR $1 = ANY(planned_customer_ids) OR $1 = ANY(speaker_customer_ids) ORDER BY submitted_at, id`,
    );
    const sheetClaims = await rows(
      `SELECT sheet_id AS "sheetId", meeting_id AS "meetingId", department_id AS "departmentId", effective_day::text AS "effectiveDay", late, submitted_at AS "submittedAt", outcome, reason
       FROM sheet_claims WHERE customer_id = $1 ORDER BY submitted_at, sheet_id`,
    );
    const meetingLocks = await rows(`SELECT meeting_id AS "meetingId", department_id AS "departmentId", sheet_id AS "sheetId", locked_at AS "lockedAt" FROM meeting_locks WHERE customer_id = $1 ORDER BY locked_at`);
    const speakerReservations = await rows(
      `SELECT meeting_id AS "meetingId", department_id AS "departmentId", sheet_id AS "sheetId", reserved_at AS "reservedAt" FROM speaker_reservations WHERE customer_id = $1 ORDER BY reserved_at`,
    );
    const checkIns = await rows(
      `SELECT meeting_id AS "meetingId", referrer_id AS "referrerId", invitation_id AS "invitationId", department_id AS "departmentId", employee_id AS "employeeId",
              first_attendance AS "firstAttendance", checked_in_at AS "checkedInAt", checked_in_by AS "checkedInBy"
       FROM attendances WHERE customer_id = $1 ORDER BY checked_in_at`,
    );
    const sales = await rows(
      `SELECT id, meeting_id AS "meetingId", amount_fen::float8 AS "amountFen", refunded_fen::float8 AS "refundedFen", credited_employee_id AS "creditedEmployeeId",
              credited_department_id AS "creditedDepartmentId", invitation_id AS "invitationId", referrer_id AS "referrerId", sold_at AS "soldAt", recorded_by AS "recordedBy"
       FROM sales WHERE customer_id = $1 ORDER BY sold_at, id`,
    );
    const refunds = await rows(
      `SELECT r.id, r.sale_id AS "saleId", r.amount_fen::float8 AS "amountFen", r.refunded_at AS "refundedAt", r.recorded_by AS "recordedBy"
       FROM refunds r JOIN sales s ON s.id = r.sale_id WHERE s.customer_id = $1 ORDER BY r.refunded_at, r.id`,
    );
    const pitches = await rows(
      `SELECT id, meeting_id AS "meetingId", employee_id AS "employeeId", role, started_at AS "startedAt", ended_at AS "endedAt" FROM pitches WHERE customer_id = $1 ORDER BY started_at, id`,
    );
    const pitchConsents = await rows(
      `SELECT meeting_id AS "meetingId", assistant_id AS "assistantId", granted_by AS "grantedBy", granted_at AS "grantedAt" FROM pitch_consents WHERE customer_id = $1 ORDER BY granted_at`,
    );
    const disputes = await rows(
      `SELECT id, meeting_id AS "meetingId", party_employee_ids AS "partyEmployeeIds", description, argued_in_front_of_customers AS "arguedInFrontOfCustomers", status,
              recorded_by AS "recordedBy", recorded_at AS "recordedAt", ruling, awarded_department_id AS "awardedDepartmentId", awarded_employee_id AS "awardedEmployeeId",
              ruled_by AS "ruledBy", ruled_at AS "ruledAt"
       FROM disputes WHERE customer_id = $1 ORDER BY recorded_at, id`,
    );
    return { underServed, invitations, takeoverReports, sheetMentions, sheetClaims, meetingLocks, speakerReservations, checkIns, sales, refunds, pitches, pitchConsents, disputes };
  }

  /**
   * P-3: the free texts of the disputes about the customer (description, ruling) become `erased`; ids, parties,
   * awards, fines and dates stay. Setting the same text again changes nothing, so a redelivery is harmless.
   */
  async scrubDisputes(tx: Tx, customerId: string, erased: string): Promise<void> {
    await tx.query(
      `UPDATE disputes SET description = $2, ruling = CASE WHEN ruling IS NULL THEN NULL ELSE $2 END
       WHERE customer_id = $1 AND (description <> $2 OR ruling <> $2)`,
      [customerId, erased],
    );
  }
}
