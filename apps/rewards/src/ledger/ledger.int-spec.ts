import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { RewardsHarness } from '../testing/harness';

/** storage rules against real PostgreSQL: append-only ledgers, a cause booked once, the ledger-audit sweep. */
describe('rewards: the ledgers', () => {
  let h: RewardsHarness;
  const referrer = randomUUID();

  beforeAll(async () => {
    h = await RewardsHarness.start();
    await h.registerCustomer(referrer);
    await h.fund(referrer, 300);
    await h.feed.publish('fine.imposed', { fineId: randomUUID(), employeeId: randomUUID(), departmentId: randomUUID(), amountFen: 1000, rule: 'J-7', sourceId: randomUUID(), imposedAt: new Date().toISOString() });
  });

  afterAll(() => h?.close());

  describe.each(['points_entries', 'fine_entries'])('%s is append-only (a trigger, whoever asks)', (table) => {
    it.each([
      ['UPDATE', `UPDATE ${table} SET created_at = now()`],
      ['DELETE', `DELETE FROM ${table}`],
      ['TRUNCATE', `TRUNCATE ${table}`],
    ])('refuses %s', async (op, statement) => {
      const before = await h.sql(`SELECT count(*)::int AS n FROM ${table}`);
      expect(before[0].n).toBeGreaterThan(0);
      await expect(h.sql(statement)).rejects.toThrow(new RegExp(`append-only ledger: ${op} is not allowed`));
      expect(await h.sql(`SELECT count(*)::int AS n FROM ${table}`)).toEqual(before);
    });
  });

  it('refuses a second entry for the same cause, customer and reason (a unique constraint)', async () => {
    const [entry] = await h.sql(`SELECT customer_id, reason, source_event_id FROM points_entries WHERE customer_id = $1`, [referrer]);
    await expect(
      h.sql(`INSERT INTO points_entries (id, customer_id, points, reason, source_event_id, created_at) VALUES ($1, $2, 100, $3, $4, now())`, [randomUUID(), entry.customer_id, entry.reason, entry.source_event_id]),
    ).rejects.toThrow(/points_entries_once_per_cause/);
  });

  it('refuses a zero entry and a negative balance', async () => {
    await expect(h.sql(`INSERT INTO points_entries (id, customer_id, points, reason, source_event_id, created_at) VALUES ($1, $2, 0, 'CORRECTION', $3, now())`, [randomUUID(), referrer, randomUUID()])).rejects.toThrow(/points_entries_not_zero/);
    await expect(h.sql(`UPDATE points_accounts SET balance = -1 WHERE customer_id = $1`, [referrer])).rejects.toThrow(/points_accounts_balance_not_negative/);
  });

  it('ledger-audit finds no drift in a consistent ledger, then the drift injected into a cached balance', async () => {
    const clean = await h.post('/api/v1/admin/sweeps/ledger-audit', {});
    expect(clean.statusCode).toBe(200);
    expect(clean.json()).toMatchObject({ sweep: 'ledger-audit', status: 'completed', result: { drift: 0, accounts: [] } });
    expect(clean.json().result.accountsChecked).toBeGreaterThan(0);

    await h.sql(`UPDATE points_accounts SET balance = balance + 7 WHERE customer_id = $1`, [referrer]);
    const drifted = (await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result;
    expect(drifted).toMatchObject({ drift: 1, accounts: [{ customerId: referrer, balance: 307, entriesSum: 300, lifetimePoints: 300, expectedLifetimePoints: 300 }] });

    await h.sql(`UPDATE points_accounts SET balance = balance - 7, lifetime_points = 1 WHERE customer_id = $1`, [referrer]);
    expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result).toMatchObject({ drift: 1, accounts: [{ customerId: referrer, balance: 300, entriesSum: 300, lifetimePoints: 1 }] });
    await h.sql(`UPDATE points_accounts SET lifetime_points = 300 WHERE customer_id = $1`, [referrer]);
    expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result.drift).toBe(0);
  });

  it('corrects an R-1 bonus by a reversing entry, once, an admin only; the balance rule holds', async () => {
    const referrer = await h.registerCustomer();
    const eventId = await h.feed.publish('meeting.attended', { meetingId: randomUUID(), meetingDate: '2026-03-01', slot: 'EVENING', customerId: randomUUID(), attendedAt: h.nowIso(), firstAttendance: true, referrerId: referrer, departmentId: null, invitationId: null });
    const [bonus] = await h.sql(`SELECT id FROM points_entries WHERE source_event_id = $1`, [eventId]);
    const correct = (entryId: string, headers = h.admin) => h.post(`/api/v1/points/${referrer}/corrections`, { entryId }, headers);

    expect((await correct(bonus.id, bearer(Role.GENERAL_MANAGER))).statusCode).toBe(403);
    const done = await correct(bonus.id);
    expect([done.statusCode, done.json()]).toEqual([201, { customerId: referrer, correctedEntryId: bonus.id, points: -100, balance: 0, lifetimePoints: 0, owedPoints: 0 }]);
    expect(await h.sql(`SELECT points, reason FROM points_entries WHERE source_event_id = $1 AND reason = 'CORRECTION'`, [bonus.id])).toEqual([{ points: -100, reason: 'CORRECTION' }]);
    expect((await correct(bonus.id)).json().code).toBe('ENTRY_ALREADY_CORRECTED');
    expect((await correct(randomUUID())).json().code).toBe('ENTRY_NOT_FOUND');
    const [correction] = await h.sql(`SELECT id FROM points_entries WHERE source_event_id = $1 AND reason = 'CORRECTION'`, [bonus.id]);
    expect((await correct(correction.id)).json().code).toBe('ENTRY_NOT_CORRECTABLE');
    expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result.drift).toBe(0);
  });

  it('runs the audit for admins only', async () => {
    expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {}, bearer(Role.GENERAL_MANAGER))).statusCode).toBe(403);
  });
});
