import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { ServiceHarness, TestDepartment } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadComplaintsConfig } from '../config';

export type Department = TestDepartment;

/**
 * The complaints service with its real queue fed by EventFeed in place of customers. The scheduled
 * complaint-sla sweep is moved to a minute no test meets, so every breach is one a test asked for.
 */
export class ComplaintsHarness extends ServiceHarness {
  readonly gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  readonly coordinator = bearer(Role.COORDINATOR, randomUUID(), null);

  static async start(env: Record<string, string> = {}): Promise<ComplaintsHarness> {
    const { svc, feed } = await ServiceHarness.boot((e) => AppModule.forRoot(loadComplaintsConfig(e)), 'complaints', { COMPLAINT_SLA_CRON: '0 0 1 1 *', ...env });
    return new ComplaintsHarness(svc, feed);
  }

  /** A customer as customers announces it, owned by `ownerId` of `departmentId`. */
  async customer(ownerId: string, departmentId: string): Promise<string> {
    const customerId = randomUUID();
    await this.feed.publish('customer.registered', {
      customerId,
      ownerId,
      departmentId,
      referrerId: null,
      source: 'WALK_IN',
      outreachEventId: null,
      stage: 'POTENTIAL',
      registeredAt: this.nowIso(),
    });
    return customerId;
  }

  file(body: object, headers: Record<string, string> = this.gm) {
    return this.post('/api/v1/complaints', { cause: 'SERVICE_NOT_IN_PLACE', channel: 'HOTLINE', description: '服务不到位', ...body }, headers);
  }

  resolve(id: string, headers: Record<string, string> = this.gm, note = '已上门致歉') {
    return this.post(`/api/v1/complaints/${id}/resolution`, { note }, headers);
  }

  reopen(id: string, headers: Record<string, string> = this.gm, reason = '顾客不满意') {
    return this.post(`/api/v1/complaints/${id}/reopening`, { reason }, headers);
  }

  /** Runs complaint-sla now, as POST /api/v1/admin/sweeps/complaint-sla does. */
  slaSweep(): Promise<{ breached: number; finesImposed: number; complaintIds: string[] }> {
    return this.sweep('complaint-sla');
  }

  /** The events this service wrote, by name, oldest first. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of any catalogued event
  async events(name: string, sourceId?: string): Promise<any[]> {
    const payloads = await this.outbox(name);
    return sourceId ? payloads.filter((p) => p.sourceId === sourceId || p.complaintId === sourceId) : payloads;
  }
}
