import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadComplaintsConfig } from '../config';

/** A department with its head and two employees, as customers announces them, and the callers' headers. */
export interface Department {
  id: string;
  headId: string;
  employeeIds: [string, string];
  head: Record<string, string>;
  employees: [Record<string, string>, Record<string, string>];
}

/**
 * The complaints service on a scratch database cloned from the migrated template, with its real queue fed by
 * EventFeed in place of customers. The scheduled complaint-sla sweep is moved to a minute no test meets, so
 * every breach is one a test asked for.
 */
export class ComplaintsHarness {
  readonly admin = bearer(Role.ADMIN);
  readonly gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  readonly coordinator = bearer(Role.COORDINATOR, randomUUID(), null);

  private constructor(
    readonly svc: TestService,
    readonly feed: EventFeed,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ComplaintsHarness> {
    const svc = await startTestService((e) => AppModule.forRoot(loadComplaintsConfig(e)), { name: 'complaints', env: { COMPLAINT_SLA_CRON: '0 0 1 1 *', ...env } });
    return new ComplaintsHarness(svc, new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'complaints'));
  }

  now(): string {
    return this.svc.app.get(Clock).now().toISOString();
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
  async at(now: string | Date): Promise<void> {
    const res = await this.svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now: typeof now === 'string' ? now : now.toISOString() }, headers: this.admin });
    if (res.statusCode !== 200) throw new Error(`clock not moved: ${res.body}`);
  }

  async department(code: string, withHead = true): Promise<Department> {
    const id = randomUUID();
    const headId = randomUUID();
    const employeeIds: [string, string] = [randomUUID(), randomUUID()];
    const savedAt = this.now();
    await this.feed.publish('department.saved', { departmentId: id, name: code, code, headId: withHead ? headId : null, savedAt });
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
      registeredAt: this.now(),
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
  async sweep(): Promise<{ breached: number; finesImposed: number; complaintIds: string[] }> {
    const res = await this.post('/api/v1/admin/sweeps/complaint-sla', {});
    if (res.statusCode !== 200) throw new Error(`sweep failed: ${res.body}`);
    return res.json().result;
  }

  /** The events this service wrote, by name, oldest first. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of any catalogued event
  async events(name: string, sourceId?: string): Promise<any[]> {
    const rows = await this.sql(`SELECT payload FROM outbox WHERE name = $1 ORDER BY sequence`, [name]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const payloads = rows.map((r: { payload: any }) => r.payload);
    return sourceId ? payloads.filter((p) => p.sourceId === sourceId || p.complaintId === sourceId) : payloads;
  }
}
