/**
 * Complaints demo data (C-1..C-5), through the gateway like the rest of the seed: three complaints of different
 * causes and channels, filed by who files them (C-1), two resolved with a note of what was done (C-5) and one
 * left open. The DISCOVERED one fines the employee (C-2), the one to the general manager the employee and the
 * head (C-3); rewards books those fines from complaints' events.
 *
 * Everything happens at real time: the open complaint is due 72 hours after the seed filed it, so the demo
 * shows an open complaint inside its deadline. Nothing is filed in the past, because a complaint past due would
 * be breached by the complaint-sla sweep (every minute) and its customer transferred to another department,
 * changing the demo company under the user's feet (C-4 is shown by the suite tests with the clock moved).
 */
import { Api, SeedError, Tally, whileUnknown } from './api';
import { findDemoCustomers } from './demo-customers';

export type ComplaintCause = 'SERVICE_NOT_IN_PLACE' | 'EMPLOYEE_SELFISHNESS' | 'WORK_ATTITUDE' | 'INTER_DEPARTMENT_DISPUTE' | 'OTHER';
export type ComplaintChannel = 'DISCOVERED' | 'TO_GENERAL_MANAGER' | 'HOTLINE' | 'VISIT' | 'PARTNER' | 'OTHER';

export interface ComplaintSeed {
  /** Index into demoCustomers(); the complaint concerns the customer's owner. */
  customer: number;
  cause: ComplaintCause;
  channel: ComplaintChannel;
  /** With the customer, how a second run recognises the complaint: the API has no other natural key. */
  description: string;
  /** The staff member who files it (by name in demo-company.ts): only the general manager's office files TO_GENERAL_MANAGER. */
  filedBy: string;
  /** Who resolved it, and the note of what was done (C-5); left out, the complaint stays open. */
  resolution?: { by: string; note: string };
  /** The customer's satisfaction with the resolution, asked afterwards (C-5, V-4). */
  survey?: { score: number; comment?: string };
}

// Customer i is owned by employee i % 15 (demo-company.ts): 10 and 12 by 孙鹏 and 朱琳 of 三部, 8 by 周涛 of 二部.
export const DEMO_COMPLAINTS: readonly ComplaintSeed[] = [
  {
    customer: 10,
    cause: 'SERVICE_NOT_IN_PLACE',
    channel: 'DISCOVERED', // C-2: 孙鹏 100 yuan
    description: '约好的上门测血压没有来, 部门经理回访时发现',
    filedBy: '张明',
    resolution: { by: '张明', note: '部门经理上门致歉, 当天补做上门服务并测量血压' },
    survey: { score: 4, comment: '处理及时, 态度诚恳' },
  },
  {
    customer: 8,
    cause: 'WORK_ATTITUDE',
    channel: 'TO_GENERAL_MANAGER', // C-3: 周涛 and his head 李军 100 yuan each
    description: '顾客致电总经理, 反映员工电话里态度生硬',
    filedBy: '赵建国',
    resolution: { by: '李军', note: '部门经理带员工登门道歉, 员工已做书面检讨' },
  },
  {
    customer: 12,
    cause: 'EMPLOYEE_SELFISHNESS',
    channel: 'HOTLINE', // no fine on filing; open, due 72 hours after the seed filed it
    description: '顾客来电反映员工只顾推销, 不讲解产品用法',
    filedBy: '孙晓燕',
  },
];

interface Complaint {
  id: string;
  description: string;
  status: 'OPEN' | 'RESOLVED';
  dueAt: string;
  reopenedAt: string | null;
  code?: string;
}

export interface ComplaintTallies {
  complaints: Tally;
  resolutions: Tally;
  /** Due times of the complaints left open, for the summary. */
  openDue: string[];
}

/** A demo complaint's id once filed (or found), by its index in DEMO_COMPLAINTS. */
export type FiledComplaints = Map<number, { id: string; customerId: string }>;

/** Files the demo complaints that are missing and resolves those meant to be resolved; each step skipped where done. */
export async function seedComplaints(api: Api, staff: Map<string, { id: string }>, tallies: ComplaintTallies): Promise<FiledComplaints> {
  const customers = await findDemoCustomers(api, DEMO_COMPLAINTS.map((c) => c.customer));
  const filed: FiledComplaints = new Map();
  for (const [index, seed] of DEMO_COMPLAINTS.entries()) {
    const customer = customers.get(seed.customer)!;
    const listed = await api.listAll<Complaint>(`/api/v1/complaints?customerId=${customer.id}`);
    let complaint = listed.find((c) => c.description === seed.description);
    if (complaint) tallies.complaints.existing++;
    else {
      complaint = await file(await api.actingAs(staff.get(seed.filedBy)!.id), { customerId: customer.id, employeeId: customer.ownerId, ...seed });
      tallies.complaints.created++;
    }
    if (seed.resolution) {
      // Resolved already, or resolved and reopened since (C-5): a person decided, and the seed leaves it so.
      if (complaint.status === 'RESOLVED' || complaint.reopenedAt) tallies.resolutions.existing++;
      else {
        const resolver = await api.actingAs(staff.get(seed.resolution.by)!.id);
        await resolver.request('POST', `/api/v1/complaints/${complaint.id}/resolution`, { note: seed.resolution.note });
        tallies.resolutions.created++;
      }
    } else if (complaint.status === 'OPEN') tallies.openDue.push(complaint.dueAt);
    filed.set(index, { id: complaint.id, customerId: customer.id });
  }
  return filed;
}

/** Files one complaint; complaints learns customers and staff from customers' events, so it may wait for them. */
async function file(filer: Api, c: { customerId: string; employeeId: string; cause: string; channel: string; description: string }): Promise<Complaint> {
  const body = { customerId: c.customerId, employeeId: c.employeeId, cause: c.cause, channel: c.channel, description: c.description };
  const res = await whileUnknown(() => filer.request<Complaint>('POST', '/api/v1/complaints', body, [422]), ['CUSTOMER_NOT_FOUND', 'EMPLOYEE_NOT_FOUND']);
  if (res.status === 422) throw new SeedError(`POST /api/v1/complaints answered 422 ${res.body.code}`);
  return res.body;
}
