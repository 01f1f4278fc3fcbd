import { Api, SeedError, whileUnknown } from './api';

interface Meeting {
  id: string;
  date: string;
  venue: string;
}

/** The date `n` days after `date` (before it when `n` is negative), both YYYY-MM-DD. */
export function daysAfter(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The demo meetings: one of each department and one joint meeting of all three, in the weeks ahead. */
export function demoMeetings(today: string, departmentIds: string[]): { date: string; slot: 'AFTERNOON' | 'EVENING'; venue: string; departmentIds: string[] }[] {
  const day = (n: number) => daysAfter(today, n);
  return [
    ...departmentIds.map((id, i) => ({ date: day(7 + i), slot: 'AFTERNOON' as const, venue: `${i + 1}号会议室`, departmentIds: [id] })),
    { date: day(14), slot: 'EVENING' as const, venue: '联谊会大厅', departmentIds },
  ];
}

/** Plans the demo meetings unless a meeting at the same venue on the same date exists. */
export async function seedMeetings(api: Api, departmentIds: string[], tally: { created: number; existing: number }): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const existing = await api.listAll<Meeting>(`/api/v1/meetings?from=${today}`);
  for (const m of demoMeetings(today, departmentIds)) {
    if (existing.some((e) => e.date === m.date && e.venue === m.venue)) {
      tally.existing++;
      continue;
    }
    await planMeeting(api, m);
    tally.created++;
  }
}

export type MeetingPlan = ReturnType<typeof demoMeetings>[number];

/** Plans one meeting and answers its id; campaigns learns the departments from customers' events. */
export async function planMeeting(api: Api, m: MeetingPlan): Promise<string> {
  const res = await whileUnknown(() => api.request<{ id: string; code?: string }>('POST', '/api/v1/meetings', m, [422]), ['DEPARTMENT_NOT_FOUND']);
  if (res.status === 422) throw new SeedError(`POST /api/v1/meetings answered 422 ${res.body.code}`);
  return res.body.id;
}
