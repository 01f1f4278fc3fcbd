/**
 * Service-visits demo data (V-1, V-3, V-4), through the gateway like the rest of the seed: services given by the
 * customers' owning employees, signed in as themselves (a service is recorded by whoever gave it), some with
 * blood-pressure readings (stored encrypted, shown only to the owner and their head, P-1); the customers'
 * satisfaction with a visit and with a complaint's resolution.
 *
 * Visit plans are not created here: service-visits plans them from what happens (V-3), a return visit for each
 * new customer by their stage's cadence and a follow-up within a day of each complaint's resolution. The seed's
 * phone call after the resolved DISCOVERED complaint makes its follow-up done; the other resolution's follow-up
 * is left due, and the home visits and phone calls make the customers' cadence visits done.
 */
import { Api, SeedError, Tally, whileUnknown } from './api';
import { DEMO_COMPLAINTS, FiledComplaints } from './complaints';
import { findDemoCustomers } from './demo-customers';

export interface Reading {
  systolic: number;
  diastolic: number;
  pulse?: number;
}

export interface ServiceSeed {
  /** Index into demoCustomers(); the service is given by the customer's owner. */
  customer: number;
  category: 'PRE_SALE' | 'IN_SALE' | 'AFTER_SALE' | 'REGULAR';
  kind: 'HOME_VISIT' | 'PHONE_CALL' | 'BLOOD_PRESSURE_CHECK' | 'MATERIALS' | 'RECEPTION' | 'DELIVERY';
  /** With the customer and the kind, how a second run recognises the record. */
  notes: string;
  readings?: Reading[];
  /** Index into DEMO_COMPLAINTS: this is the follow-up of that complaint's resolution, made once it is planned. */
  followsUp?: number;
  /** The customer's satisfaction with this visit (V-4). */
  survey?: { score: number; comment?: string };
}

// Owners (customer i is employee i % 15's): 13 胡斌 and 14 郭静 of 三部, 3 刘洋 and 15 王芳 of 一部, 10 孙鹏 of 三部.
export const DEMO_SERVICES: readonly ServiceSeed[] = [
  {
    customer: 13,
    category: 'REGULAR',
    kind: 'HOME_VISIT',
    notes: '例行上门回访, 测量血压, 讲解饮食注意事项',
    readings: [{ systolic: 142, diastolic: 88, pulse: 76 }],
    survey: { score: 5, comment: '员工很耐心, 很满意' },
  },
  {
    customer: 14,
    category: 'PRE_SALE',
    kind: 'BLOOD_PRESSURE_CHECK',
    notes: '免费测量血压, 左右臂各一次',
    readings: [{ systolic: 128, diastolic: 82 }, { systolic: 131, diastolic: 84, pulse: 70 }],
  },
  { customer: 3, category: 'REGULAR', kind: 'PHONE_CALL', notes: '电话回访, 提醒下周联谊会时间', survey: { score: 4 } },
  { customer: 15, category: 'AFTER_SALE', kind: 'DELIVERY', notes: '送货上门, 讲解使用方法' },
  { customer: 10, category: 'REGULAR', kind: 'PHONE_CALL', notes: '投诉处理后电话回访, 顾客表示满意', followsUp: 0 },
];

interface ServiceRecord {
  id: string;
  kind: string;
  notes: string | null;
}

export interface ServiceTallies {
  records: Tally;
  surveys: Tally;
}

/** The demo services' record ids, by index in DEMO_SERVICES. */
export type RecordedServices = Map<number, { id: string; customerId: string }>;

/** The customers' satisfaction with the resolutions (C-5, V-4); service-visits learns resolutions from complaints' events. */
export async function seedResolutionSurveys(api: Api, complaints: FiledComplaints, tally: Tally): Promise<void> {
  for (const [index, seed] of DEMO_COMPLAINTS.entries()) {
    if (!seed.resolution || !seed.survey) continue;
    const complaint = complaints.get(index)!;
    const body = { customerId: complaint.customerId, subjectType: 'COMPLAINT_RESOLUTION', subjectId: complaint.id, ...seed.survey };
    countSurvey(await submitSurvey(api, body), tally);
  }
}

/** Records the demo services that are missing, each as its customer's owner, then the customers' surveys of them. */
export async function seedServices(api: Api, complaints: FiledComplaints, tallies: ServiceTallies): Promise<RecordedServices> {
  const customers = await findDemoCustomers(api, DEMO_SERVICES.map((s) => s.customer));
  const recorded: RecordedServices = new Map();
  for (const [index, seed] of DEMO_SERVICES.entries()) {
    const customer = customers.get(seed.customer)!;
    if (seed.followsUp !== undefined) await followUpPlanned(api, complaints.get(seed.followsUp)!);
    const listed = await api.listAll<ServiceRecord>(`/api/v1/service-records?customerId=${customer.id}`);
    let record = listed.find((r) => r.kind === seed.kind && r.notes === seed.notes);
    if (record) tallies.records.existing++;
    else {
      const owner = await api.actingAs(customer.ownerId);
      const body = { customerId: customer.id, category: seed.category, kind: seed.kind, notes: seed.notes, ...(seed.readings ? { readings: seed.readings } : {}) };
      // Service-visits learns customers from customers' events.
      const res = await whileUnknown(() => owner.request<ServiceRecord & { code?: string }>('POST', '/api/v1/service-records', body, [422]), ['CUSTOMER_NOT_FOUND']);
      if (res.status === 422) throw new SeedError(`POST /api/v1/service-records answered 422 ${res.body.code}`);
      record = res.body;
      tallies.records.created++;
    }
    recorded.set(index, { id: record.id, customerId: customer.id });
    if (seed.survey) countSurvey(await submitSurvey(api, { customerId: customer.id, subjectType: 'VISIT', subjectId: record.id, ...seed.survey }), tallies.surveys);
  }
  return recorded;
}

/** One survey; 409 SURVEY_ALREADY_SUBMITTED is a survey an earlier run took (one per subject, V-4). */
async function submitSurvey(api: Api, body: { customerId: string; subjectType: string; subjectId: string; score: number; comment?: string }): Promise<boolean> {
  const res = await whileUnknown(() => api.request<{ code?: string }>('POST', '/api/v1/surveys', body, [409, 422]), ['SURVEY_SUBJECT_NOT_FOUND']);
  if (res.status === 201) return true;
  if (res.body.code === 'SURVEY_ALREADY_SUBMITTED') return false;
  throw new SeedError(`POST /api/v1/surveys answered ${res.status} ${res.body.code} for ${body.subjectType} ${body.subjectId}`);
}

function countSurvey(created: boolean, tally: Tally): void {
  if (created) tally.created++;
  else tally.existing++;
}

/** Waits (about five seconds at most) until service-visits has planned the follow-up of a resolved complaint. */
async function followUpPlanned(api: Api, complaint: { id: string; customerId: string }): Promise<void> {
  const path = `/api/v1/visit-plans?customerId=${complaint.customerId}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const plans = await api.listAll<{ complaintId: string | null }>(path);
    if (plans.some((p) => p.complaintId === complaint.id)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new SeedError(`service-visits planned no follow-up of complaint ${complaint.id} within five seconds: is it running?`);
}

/** How many return visits service-visits has planned, by status: what the demo's events made of V-3. */
export async function visitPlanCounts(api: Api): Promise<Record<string, number>> {
  const counts: Record<string, number> = { DUE: 0, OVERDUE: 0, DONE: 0, CANCELLED: 0 };
  for (const p of await api.listAll<{ status: string }>('/api/v1/visit-plans')) counts[p.status] = (counts[p.status] ?? 0) + 1;
  return counts;
}
