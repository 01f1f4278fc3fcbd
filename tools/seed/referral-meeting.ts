/**
 * Rewards demo data, through the gateway like the rest of the seed: a joint meeting of 一部 and 二部 held a week
 * ago, where six demo customers came brought by a customer of theirs (J-9) and bought (J-10), one of them
 * returning part of it. Rewards turns that into the referrers' points (R-1, R-2, one reversal); the departments
 * handed in no daily sheets, so the sheet-cutoff sweep fines both heads for every day of the window (J-7, R-4): the
 * meeting is planned on its own day, and the window never starts before the meeting exists, so that is one day each.
 *
 * Check-ins are only taken on the meeting day and meetings only planned for today or later, so the suite's
 * clock (outside production only) is moved to that day for the step and returned to real time after it.
 */
import { Api, SeedError, whileUnknown } from './api';
import { findDemoCustomers } from './demo-customers';
import { daysAfter, planMeeting } from './meetings';

/** How a second run recognises the meeting, whatever day it runs on. */
export const REFERRAL_MEETING_VENUE = '荐友联谊会 会议中心二楼';

/** Days before the seed runs that the meeting was held. */
const DAYS_AGO = 7;

export interface ReferralSeed {
  /** Index into demoCustomers(): the existing customer who brought the new one. */
  referrer: number;
  referred: number;
  /** What the new customer bought at the meeting, and returned of it. */
  amountFen: number;
  refundFen: number;
}

// Customer i is owned by employee i % 15 (demo-company.ts): i and i + 15 share an owner, in 一部 for 0..4 and in
// 二部 for 5..9. The amounts cover R-2's edges: below 1000 yuan, exactly 1000, and a refund across a step.
export const DEMO_REFERRALS: readonly ReferralSeed[] = [
  { referrer: 0, referred: 15, amountFen: 250_000, refundFen: 60_000 }, // 2500 yuan, 1900 net: 100 + 200 - 100
  { referrer: 1, referred: 16, amountFen: 120_000, refundFen: 0 }, // 100 + 100
  { referrer: 2, referred: 17, amountFen: 80_000, refundFen: 0 }, // 100 + 0
  { referrer: 5, referred: 20, amountFen: 310_000, refundFen: 0 }, // 100 + 300
  { referrer: 6, referred: 21, amountFen: 100_000, refundFen: 0 }, // 100 + 100
  { referrer: 7, referred: 22, amountFen: 45_000, refundFen: 0 }, // 100 + 0
];

export interface ReferralTallies {
  meetings: { created: number; existing: number };
  checkIns: { created: number; existing: number };
  sales: { created: number; existing: number };
  refunds: { created: number; existing: number };
  /** Fines the sheet-cutoff sweep imposed in this run (none on a second run: it reconciles a day once). */
  sheetFines: number;
}

interface Meeting {
  id: string;
  date: string;
  venue: string;
}
interface Sale {
  id: string;
  amountFen: number;
  refundedFen: number;
}

/** Checks a customer in (true), or finds them checked in (false); campaigns learns customers from customers' events. */
async function checkIn(api: Api, meetingId: string, customerId: string, referrerId: string): Promise<boolean> {
  const path = `/api/v1/meetings/${meetingId}/check-ins`;
  const res = await whileUnknown(() => api.request<{ code?: string }>('POST', path, { customerId, referrerId }, [409, 422]), ['CUSTOMER_NOT_FOUND', 'REFERRER_NOT_FOUND']);
  if (res.status === 201) return true;
  if (res.body.code === 'ALREADY_CHECKED_IN') return false;
  throw new SeedError(`POST ${path} answered ${res.status} ${res.body.code}`);
}

async function seedSale(api: Api, meetingId: string, customerId: string, r: ReferralSeed, tallies: ReferralTallies): Promise<void> {
  const sold = await api.request<{ items: Sale[] }>('GET', `/api/v1/meetings/${meetingId}/sales?customerId=${customerId}`);
  let sale = sold.body.items[0];
  if (sale) tallies.sales.existing++;
  else {
    sale = (await api.request<Sale>('POST', `/api/v1/meetings/${meetingId}/sales`, { customerId, amountFen: r.amountFen })).body;
    tallies.sales.created++;
  }
  if (!r.refundFen) return;
  if (sale.refundedFen > 0) tallies.refunds.existing++;
  else {
    await api.request('POST', `/api/v1/sales/${sale.id}/refunds`, { amountFen: r.refundFen });
    tallies.refunds.created++;
  }
}

/** The referral meeting with its check-ins, sales and refund, then the sheet-cutoff sweep; each step skipped where done. */
export async function seedReferralMeeting(api: Api, departmentIds: [string, string], tallies: ReferralTallies): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const day = daysAfter(today, -DAYS_AGO);
  const demo = await findDemoCustomers(api, DEMO_REFERRALS.flatMap((r) => [r.referrer, r.referred]));
  const customers = new Map([...demo].map(([i, c]) => [i, c.id]));
  const found = (await api.listAll<Meeting>('/api/v1/meetings')).find((m) => m.venue === REFERRAL_MEETING_VENUE);
  const moveClock = (now: string) => api.request('PUT', '/api/v1/admin/clock', { now });
  try {
    let meetingId = found?.id;
    if (meetingId) tallies.meetings.existing++;
    else {
      await moveClock(`${day}T09:00:00+08:00`);
      meetingId = await planMeeting(api, { date: day, slot: 'AFTERNOON', venue: REFERRAL_MEETING_VENUE, departmentIds });
      tallies.meetings.created++;
    }
    const meetingDay = found?.date ?? day;
    await moveClock(`${meetingDay}T14:00:00+08:00`);
    for (const r of DEMO_REFERRALS) {
      const customerId = customers.get(r.referred)!;
      if (await checkIn(api, meetingId, customerId, customers.get(r.referrer)!)) tallies.checkIns.created++;
      else tallies.checkIns.existing++;
      await seedSale(api, meetingId, customerId, r, tallies);
    }
    // After the meeting day's 18:00 cutoff: every day of the window is due, and reconciled once.
    await moveClock(`${meetingDay}T20:00:00+08:00`);
    const sweep = await api.request<{ result: { finesImposed: number } }>('POST', '/api/v1/admin/sweeps/sheet-cutoff', {});
    tallies.sheetFines = sweep.body.result.finesImposed;
  } finally {
    await api.request('DELETE', '/api/v1/admin/clock');
  }
}
