import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { ServiceHarness, TestDepartment } from '@crm/testing-events';
import { AdequacySweep } from '../adequacy/adequacy.sweep';
import { AppModule } from '../app.module';
import { loadServiceVisitsConfig } from '../config';
import { VisitPlansSweep } from '../visit-plans/visit-plans.sweep';

export const DAY = 24 * 60 * 60 * 1000;

/** `days` (fractions allowed) after `t`. */
export const on = (t: Date, days: number) => new Date(t.getTime() + days * DAY);

/**
 * Start instants for the tests of one file, each 1000 days after the last: the clock only ever moves forward
 * (moving it back would make the sweeps clear what an earlier test flagged).
 */
export function epochs(first = Date.UTC(2031, 0, 1, 2)): () => Date {
  let epoch = first;
  return () => new Date((epoch += 1000 * DAY));
}

export type Department = TestDepartment;

/**
 * The service-visits service with its real queue fed by EventFeed in place of customers, campaigns and
 * complaints. The scheduled sweeps are moved to a minute no test meets, so every run is one a test asked for.
 */
export class VisitsHarness extends ServiceHarness {
  readonly gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  readonly director = bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null);

  static async start(env: Record<string, string> = {}): Promise<VisitsHarness> {
    const { svc, feed } = await ServiceHarness.boot((e) => AppModule.forRoot(loadServiceVisitsConfig(e)), 'service-visits', {
      ADEQUACY_CRON: '0 0 1 1 *',
      VISIT_PLANS_CRON: '0 0 1 1 *',
      ...env,
    });
    return new VisitsHarness(svc, feed);
  }

  /** A customer as customers announces it: joined at `at`, owned by the department's first employee. */
  async customer(d: Department, at: Date, stage = 'POTENTIAL', ownerId = d.employeeIds[0], customerId: string = randomUUID()): Promise<string> {
    await this.feed.publish('customer.registered', { customerId, ownerId, departmentId: d.id, referrerId: null, source: 'WALK_IN', outreachEventId: null, stage: stage as 'NEW', registeredAt: at.toISOString() });
    return customerId;
  }

  attended(customerId: string, at: Date, departmentId: string | null = null) {
    return this.feed.publish('meeting.attended', { meetingId: randomUUID(), meetingDate: at.toISOString().slice(0, 10), slot: 'AFTERNOON', customerId, attendedAt: at.toISOString(), firstAttendance: false, referrerId: null, departmentId, invitationId: null });
  }

  transferred(customerId: string, from: Department, to: Department, at: Date, toOwnerId = to.employeeIds[0]) {
    return this.feed.publish('customer.transferred', { customerId, fromOwnerId: from.employeeIds[0], fromDepartmentId: from.id, toOwnerId, toDepartmentId: to.id, reason: 'V-2', cause: 'MANUAL', causeId: null, transferredBy: randomUUID(), transferredAt: at.toISOString() });
  }

  stageChanged(customerId: string, d: Department, from: string, to: string, at: Date) {
    return this.feed.publish('customer.stage_changed', { customerId, ownerId: d.employeeIds[0], departmentId: d.id, from: from as 'NEW', to: to as 'NEW', cause: 'test', changedAt: at.toISOString() });
  }

  resolved(customerId: string, d: Department, at: Date, complaintId = randomUUID()) {
    return this.feed
      .publish('complaint.resolved', { complaintId, customerId, employeeId: d.employeeIds[0], departmentId: d.id, resolvedBy: d.headId, resolvedAt: at.toISOString() })
      .then(() => complaintId);
  }

  record(customerId: string, caller: Record<string, string>, body: object = {}) {
    return this.post('/api/v1/service-records', { customerId, category: 'REGULAR', kind: 'HOME_VISIT', ...body }, caller);
  }

  /** Runs service-adequacy at exactly `now` (the REST trigger reads the running clock). */
  adequacy(now: Date) {
    return this.svc.app.get(AdequacySweep).run(now);
  }

  visitPlans(now: Date) {
    return this.svc.app.get(VisitPlansSweep).run(now);
  }

  /** The events this service wrote, by name, oldest first; of one customer when given. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of any catalogued event
  async events(name: string, customerId?: string): Promise<any[]> {
    const payloads = await this.outbox(name);
    return customerId ? payloads.filter((p) => p.customerId === customerId) : payloads;
  }
}
