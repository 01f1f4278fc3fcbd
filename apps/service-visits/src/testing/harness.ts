import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { issueApiKey, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
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

/** A department with its head and two employees, as customers announces them, and the callers' headers. */
export interface Department {
  id: string;
  headId: string;
  employeeIds: [string, string];
  head: Record<string, string>;
  employees: [Record<string, string>, Record<string, string>];
}

/**
 * The service-visits service on a scratch database cloned from the migrated template, with its real queue fed
 * by EventFeed in place of customers, campaigns and complaints. The scheduled sweeps are moved to a minute no
 * test meets, so every run is one a test asked for.
 */
export class VisitsHarness {
  readonly admin = bearer(Role.ADMIN);
  readonly gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  readonly director = bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null);

  private constructor(
    readonly svc: TestService,
    readonly feed: EventFeed,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<VisitsHarness> {
    const svc = await startTestService((e) => AppModule.forRoot(loadServiceVisitsConfig(e)), {
      name: 'service-visits',
      env: { ADEQUACY_CRON: '0 0 1 1 *', VISIT_PLANS_CRON: '0 0 1 1 *', ...env },
    });
    return new VisitsHarness(svc, new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'service-visits'));
  }

  now(): Date {
    return this.svc.app.get(Clock).now();
  }

  async close(): Promise<void> {
    await this.svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: this.admin });
    await this.feed?.close();
    await this.svc?.close();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL, read loosely by tests
  sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.svc.app.get(DataSource).query(query, params);
  }

  get(url: string, headers: Record<string, string> = this.admin) {
    return this.svc.inject({ method: 'GET', url, headers });
  }

  post(url: string, payload: unknown, headers: Record<string, string> = this.admin) {
    return this.svc.inject({ method: 'POST', url, payload, headers });
  }

  graphql(query: string, variables: object = {}, headers: Record<string, string> = this.admin) {
    return this.post('/graphql', { query, variables }, headers);
  }

  /** Moves the clock (shared through Redis); from there it runs on. */
  async at(now: Date): Promise<void> {
    const res = await this.svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now: now.toISOString() }, headers: this.admin });
    if (res.statusCode !== 200) throw new Error(`clock not moved: ${res.body}`);
  }

  async department(code: string): Promise<Department> {
    const id = randomUUID();
    const headId = randomUUID();
    const employeeIds: [string, string] = [randomUUID(), randomUUID()];
    const savedAt = this.now().toISOString();
    await this.feed.publish('department.saved', { departmentId: id, name: code, code, headId, savedAt });
    await this.feed.publish('employee.saved', { employeeId: headId, name: `${code} head`, role: 'DEPARTMENT_HEAD', departmentId: id, savedAt });
    for (const e of employeeIds) await this.feed.publish('employee.saved', { employeeId: e, name: `${code} staff`, role: 'EMPLOYEE', departmentId: id, savedAt });
    return {
      id,
      headId,
      employeeIds,
      head: bearer(Role.DEPARTMENT_HEAD, headId, id),
      employees: [bearer(Role.EMPLOYEE, employeeIds[0], id), bearer(Role.EMPLOYEE, employeeIds[1], id)],
    };
  }

  /** A customer as customers announces it: joined at `at`, owned by the department's first employee. */
  async customer(d: Department, at: Date, stage = 'POTENTIAL', ownerId = d.employeeIds[0]): Promise<string> {
    const customerId = randomUUID();
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

  /** Runs a sweep as POST /api/v1/admin/sweeps/{name} does, at the clock's time. */
  async sweep(name: 'service-adequacy' | 'visit-plans') {
    const res = await this.post(`/api/v1/admin/sweeps/${name}`, {});
    if (res.statusCode !== 200) throw new Error(`sweep failed: ${res.body}`);
    return res.json().result;
  }

  /** The events this service wrote, by name, oldest first; of one customer when given. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of any catalogued event
  async events(name: string, customerId?: string): Promise<any[]> {
    const rows = await this.sql(`SELECT payload FROM outbox WHERE name = $1 ORDER BY sequence`, [name]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const payloads = rows.map((r: { payload: any }) => r.payload);
    return customerId ? payloads.filter((p) => p.customerId === customerId) : payloads;
  }

  /** A partner key with these scopes, as customers announces it; answers the X-Api-Key header. */
  async partner(scopes: string[]): Promise<Record<string, string>> {
    const issued = issueApiKey();
    await this.feed.publish('api_key.issued', { keyId: issued.id, name: 'ERP', scopes, hash: issued.hash, issuedAt: this.now().toISOString() });
    return { 'x-api-key': issued.key };
  }
}
