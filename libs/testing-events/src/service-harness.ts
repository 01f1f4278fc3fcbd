import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { issueApiKey, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { ServiceName } from '@crm/events';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from './event-feed';

type Headers = Record<string, string>;

/** A department with its head and two employees, as customers announces them, and the callers' headers. */
export interface TestDepartment {
  id: string;
  headId: string;
  employeeIds: [string, string];
  head: Headers;
  employees: [Headers, Headers];
}

/**
 * A service on a scratch database cloned from the migrated template, with its real queue fed by EventFeed in
 * place of the services that produce its events: what every service's test harness needs, so each one adds
 * only its own domain's helpers.
 */
export class ServiceHarness {
  readonly admin = bearer(Role.ADMIN);

  protected constructor(
    readonly svc: TestService,
    readonly feed: EventFeed,
  ) {}

  /** Starts `service` built by `build` and the feed into its queue. */
  protected static async boot(build: Parameters<typeof startTestService>[0], service: ServiceName, env: Record<string, string>): Promise<{ svc: TestService; feed: EventFeed }> {
    const svc = await startTestService(build, { name: service, env });
    return { svc, feed: new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), service) };
  }

  /** The service's clock, so events carry the time the service would see. */
  now(): Date {
    return this.svc.app.get(Clock).now();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Returns the clock to real time (it is shared through Redis with the next test file's service). */
  async close(): Promise<void> {
    await this.svc?.inject({ method: 'DELETE', url: '/api/v1/admin/clock', headers: this.admin });
    await this.feed?.close();
    await this.svc?.close();
  }

   
  sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.svc.app.get(DataSource).query(query, params);
  }

  get(url: string, headers: Headers = this.admin) {
    return this.svc.inject({ method: 'GET', url, headers });
  }

  post(url: string, payload: unknown, headers: Headers = this.admin) {
    return this.svc.inject({ method: 'POST', url, payload, headers });
  }

  graphql(query: string, variables: object = {}, headers: Headers = this.admin) {
    return this.post('/graphql', { query, variables }, headers);
  }

  /** Moves the clock (shared through Redis); from there it runs on. */
  async at(now: string | Date): Promise<void> {
    const res = await this.svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now: typeof now === 'string' ? now : now.toISOString() }, headers: this.admin });
    if (res.statusCode !== 200) throw new Error(`clock not moved: ${res.body}`);
  }

  /** Runs a sweep now, as POST /api/v1/admin/sweeps/{name} does; answers its result. */
   
  async sweep(name: string): Promise<any> {
    const res = await this.post(`/api/v1/admin/sweeps/${name}`, {});
    if (res.statusCode !== 200) throw new Error(`sweep failed: ${res.body}`);
    return res.json().result;
  }

  /** The payloads of the events this service wrote under `name`, oldest first. */
   
  async outbox(name: string): Promise<any[]> {
    const rows = await this.sql(`SELECT payload FROM outbox WHERE name = $1 ORDER BY sequence`, [name]);
     
    return rows.map((r: { payload: any }) => r.payload);
  }

  /** A department, its head (unless `withHead` is false) and two employees, as customers announces them. */
  async department(code: string, withHead = true): Promise<TestDepartment> {
    const id = randomUUID();
    const headId = randomUUID();
    const employeeIds: [string, string] = [randomUUID(), randomUUID()];
    const savedAt = this.nowIso();
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

  /** A partner key with these scopes, as customers announces it; answers the X-Api-Key header. */
  async partner(scopes: string[]): Promise<Headers> {
    const issued = issueApiKey();
    await this.feed.publish('api_key.issued', { keyId: issued.id, name: 'ERP', scopes, hash: issued.hash, issuedAt: this.nowIso() });
    return { 'x-api-key': issued.key };
  }
}
