import { randomUUID } from 'node:crypto';
import { RewardsHarness } from '../testing/harness';

type Entry = { points: number; reason: string; sourceEventId: string };

/** R-1 and R-2 from campaigns' events on the real queue: credited once, reversed by refunds, in any order. */
describe('rewards: referral points', () => {
  let h: RewardsHarness;

  beforeAll(async () => {
    h = await RewardsHarness.start();
  });

  afterAll(() => h?.close());

  const account = async (customerId: string) => (await h.get(`/api/v1/points/${customerId}`)).json();
  const attended = (customerId: string, referrerId: string | null, firstAttendance: boolean, meetingId = randomUUID(), id?: string) =>
    h.feed.publish(
      'meeting.attended',
      { meetingId, meetingDate: '2026-03-01', slot: 'AFTERNOON', customerId, attendedAt: new Date().toISOString(), firstAttendance, referrerId, departmentId: null, invitationId: null },
      { id },
    );

  describe('R-1: 100 points at the referred customer\'s first attended meeting', () => {
    it('credits the referrer once, naming the event', async () => {
      const referrer = await h.registerCustomer();
      const referred = await h.registerCustomer(randomUUID(), referrer);
      const eventId = randomUUID();
      await attended(referred, referrer, true, randomUUID(), eventId);
      // Redelivered (same id), a second "first" attendance (another event), a later attendance: nothing more.
      await h.feed.publish('meeting.attended', { meetingId: randomUUID(), meetingDate: '2026-03-01', slot: 'AFTERNOON', customerId: referred, attendedAt: new Date().toISOString(), firstAttendance: true, referrerId: referrer, departmentId: null, invitationId: null }, { id: eventId }).catch(() => undefined);
      await attended(referred, referrer, true);
      await attended(referred, referrer, false);
      const a = await account(referrer);
      expect(a).toMatchObject({ customerId: referrer, balance: 100, lifetimePoints: 100, owedPoints: 0, tier: 'STANDARD' });
      expect(a.entries).toEqual([expect.objectContaining({ points: 100, reason: 'REFERRAL_ATTENDANCE', sourceEventId: eventId })]);
    });

    it('credits nothing without a referrer, or when it is not the first attendance', async () => {
      const referrer = await h.registerCustomer();
      await attended(await h.registerCustomer(), null, true);
      await attended(await h.registerCustomer(), referrer, false);
      expect(await account(referrer)).toMatchObject({ balance: 0, entries: [] });
    });
  });

  describe('R-2: 100 points per full 1000 yuan a referred customer spends at a meeting', () => {
    it('credits the step each sale reaches and reverses what a refund no longer earns', async () => {
      const referrer = await h.registerCustomer();
      const customer = randomUUID();
      const meetingId = randomUUID();
      const s1 = randomUUID();
      const e1 = await h.sale({ saleId: s1, meetingId, customerId: customer, referrerId: referrer, amountFen: 150_000 }); // 1500 yuan: 100
      const e2 = await h.sale({ meetingId, customerId: customer, referrerId: referrer, amountFen: 60_000 }); // 2100 yuan: 200
      await h.sale({ meetingId, customerId: customer, referrerId: referrer, amountFen: 50_000 }); // 2600 yuan: still 200, no entry
      const e4 = await h.refund({ saleId: s1, meetingId, customerId: customer, amountFen: 70_000 }); // 1900 yuan: 100
      const a = await account(referrer);
      expect(a).toMatchObject({ balance: 100, lifetimePoints: 100, owedPoints: 0 });
      expect(a.entries.map((e: Entry) => [e.points, e.reason, e.sourceEventId])).toEqual([
        [-100, 'REFERRAL_SALES_REVERSAL', e4],
        [100, 'REFERRAL_SALES', e2],
        [100, 'REFERRAL_SALES', e1],
      ]);
    });

    it('keeps (customer, meeting, referrer) apart: spend at two meetings is not added up', async () => {
      const referrer = await h.registerCustomer();
      const customer = randomUUID();
      await h.sale({ meetingId: randomUUID(), customerId: customer, referrerId: referrer, amountFen: 60_000 });
      await h.sale({ meetingId: randomUUID(), customerId: customer, referrerId: referrer, amountFen: 60_000 });
      expect((await account(referrer)).balance).toBe(0);
    });

    it('holds a refund that arrives before its sale and applies it with the sale', async () => {
      const referrer = await h.registerCustomer();
      const customer = randomUUID();
      const meetingId = randomUUID();
      const saleId = randomUUID();
      await h.refund({ saleId, meetingId, customerId: customer, amountFen: 120_000 });
      expect(await h.sql(`SELECT amount_fen::int AS amount, applied_at FROM referral_refunds WHERE sale_id = $1`, [saleId])).toEqual([{ amount: 120_000, applied_at: null }]);
      expect((await account(referrer)).balance).toBe(0);

      const saleEvent = await h.sale({ saleId, meetingId, customerId: customer, referrerId: referrer, amountFen: 350_000 }); // net 2300 yuan: 200
      const a = await account(referrer);
      expect(a.entries.map((e: Entry) => [e.points, e.reason, e.sourceEventId])).toEqual([[200, 'REFERRAL_SALES', saleEvent]]);
      expect((await h.sql(`SELECT applied_at FROM referral_refunds WHERE sale_id = $1`, [saleId]))[0].applied_at).not.toBeNull();
      // A later refund of the same sale applies at once.
      await h.refund({ saleId, meetingId, customerId: customer, amountFen: 30_000 }); // 2000 yuan: still 200
      await h.refund({ saleId, meetingId, customerId: customer, amountFen: 1 }); // 1999.99 yuan: 100
      expect(await account(referrer)).toMatchObject({ balance: 100, lifetimePoints: 100 });
    });

    it('books a redelivered sale or refund once, and a refund of a sale without referrer earns no one anything', async () => {
      const referrer = await h.registerCustomer();
      const customer = randomUUID();
      const meetingId = randomUUID();
      const saleId = randomUUID();
      const saleEvent = randomUUID();
      await h.sale({ saleId, meetingId, customerId: customer, referrerId: referrer, amountFen: 200_000 }, { id: saleEvent });
      await h.sale({ saleId, meetingId, customerId: customer, referrerId: referrer, amountFen: 200_000 }, { id: saleEvent }).catch(() => undefined);
      await h.sale({ saleId, meetingId, customerId: customer, referrerId: referrer, amountFen: 200_000 }); // same sale, another event id
      const refundId = randomUUID();
      await h.refund({ refundId, saleId, meetingId, customerId: customer, amountFen: 100_000 });
      await h.refund({ refundId, saleId, meetingId, customerId: customer, amountFen: 100_000 }); // same refund, another event id
      expect(await account(referrer)).toMatchObject({ balance: 100, lifetimePoints: 100 });

      const walkIn = randomUUID();
      await h.sale({ saleId: walkIn, meetingId, customerId: randomUUID(), referrerId: null, amountFen: 500_000 });
      await h.refund({ saleId: walkIn, meetingId, customerId: customer, amountFen: 500_000 });
      expect(await h.sql(`SELECT applied_at IS NOT NULL AS applied FROM referral_refunds WHERE sale_id = $1`, [walkIn])).toEqual([{ applied: true }]);
    });

    it('reverses only what the balance holds when the points were redeemed, keeps the rest owed and settles it from later credits', async () => {
      const referrer = await h.registerCustomer();
      const customer = randomUUID();
      const meetingId = randomUUID();
      const saleId = randomUUID();
      await h.sale({ saleId, meetingId, customerId: customer, referrerId: referrer, amountFen: 300_000 }); // 300
      const redeemed = await h.post(`/api/v1/points/${referrer}/redemptions`, { points: 250, gift: '电饭煲' }, { ...h.admin, 'idempotency-key': randomUUID() });
      expect(redeemed.statusCode).toBe(201);
      const reversal = await h.refund({ saleId, meetingId, customerId: customer, amountFen: 300_000 }); // -300: 50 taken, 250 owed
      expect(await account(referrer)).toMatchObject({ balance: 0, lifetimePoints: 0, owedPoints: 250 });
      expect((await account(referrer)).entries[0]).toMatchObject({ points: -50, reason: 'REFERRAL_SALES_REVERSAL', sourceEventId: reversal });

      const credit = await attended(await h.registerCustomer(), referrer, true); // +100: all settles the debt
      expect(await account(referrer)).toMatchObject({ balance: 0, lifetimePoints: 100, owedPoints: 150 });
      await h.fund(referrer, 300); // +300: 150 settles, 150 stays
      const a = await account(referrer);
      expect(a).toMatchObject({ balance: 150, lifetimePoints: 400, owedPoints: 0 });
      expect(a.entries.slice(0, 4).map((e: Entry) => [e.points, e.reason])).toEqual([
        [-150, 'OWED_SETTLEMENT'],
        [300, 'REFERRAL_SALES'],
        [-100, 'OWED_SETTLEMENT'],
        [100, 'REFERRAL_ATTENDANCE'],
      ]);
      expect(a.entries[3].sourceEventId).toBe(credit);
      expect(a.entries.reduce((sum: number, e: Entry) => sum + e.points, 0)).toBe(150);
      expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result.drift).toBe(0);
    });
  });
});
