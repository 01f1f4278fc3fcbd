import { Role } from '@crm/auth';
import { bearer } from './service-app';
import { SuiteClient, SuiteResponse } from './suite-client';

type Headers = Record<string, string>;

/** `[status, code]` of an answer: how a suite test states a refusal (docs/api/partners.md "Errors"). */
export const codeOf = (res: SuiteResponse) => [res.status, res.body?.code];

/**
 * What every suite test does through the gateway besides its own story: requests as the administrator or as a
 * member of staff, the suite's clock, sweeps run now, and the company set up through customers' API.
 *
 * Made before the suite starts and connected to it in `beforeAll`, so a spec can take the helpers at once
 * (`const { post, get, at } = session`): they are bound, and reach the suite only when called. A step that is
 * only setup throws with what the suite answered, so the test that needed it fails there and says why.
 */
export class SuiteSession {
  /** A token for the ADMIN role signed with the test key (a development token: no session), as any service accepts it. */
  readonly admin = bearer(Role.ADMIN);
  private client: SuiteClient | undefined;

  /** Talks to `suite` from now on; answers the client for what the session does not cover (GraphQL, raw bodies). */
  connect(suite: { gatewayUrl: string }): SuiteClient {
    this.client = new SuiteClient(suite.gatewayUrl);
    return this.client;
  }

  get api(): SuiteClient {
    if (!this.client) throw new Error('the suite is not started: call session.connect(suite) in beforeAll');
    return this.client;
  }

  readonly post = (path: string, body: unknown, headers: Headers = this.admin) => this.api.rest('POST', path, { body, headers });

  readonly get = (path: string, headers: Headers = this.admin) => this.api.rest('GET', path, { headers });

  /** Moves the clock of the whole suite (shared through Redis); from there it runs on. */
  readonly at = async (now: string | Date): Promise<void> => {
    const res = await this.api.rest('PUT', '/api/v1/admin/clock', { body: { now: typeof now === 'string' ? now : now.toISOString() }, headers: this.admin });
    expectStatus(res, 200, `moving the clock to ${String(now)}`);
  };

  /** Returns the suite to real time (for afterAll: the clock lives in Redis, beyond the suite's processes). */
  readonly realTime = async (): Promise<void> => {
    if (this.client) await this.client.rest('DELETE', '/api/v1/admin/clock', { headers: this.admin });
  };

  /** Runs a sweep now, as `POST /api/v1/admin/sweeps/{name}` does, and answers its result once completed. */
  // Each sweep answers a result of its own shape.
  readonly sweep = async <T = any>(name: string): Promise<T> => {
    const res = await this.post(`/api/v1/admin/sweeps/${name}`, {});
    expectStatus(res, 200, `the ${name} sweep`);
    if (res.body.status !== 'completed') throw new Error(`the ${name} sweep did not complete: ${JSON.stringify(res.body)}`);
    return res.body.result;
  };

  /** A token as a user gets one, from the dev-token endpoint: for an employee (role and department theirs) or a role. */
  readonly tokenOf = async (who: string | { role: string }): Promise<Headers> => {
    const res = await this.post('/api/v1/auth/dev-token', typeof who === 'string' ? { employeeId: who } : who, {});
    expectStatus(res, 200, 'a development token');
    return { authorization: `Bearer ${res.body.accessToken}` };
  };

  /** A department created through customers' API; answers its id. */
  readonly department = async (name: string, code: string): Promise<string> => {
    const res = await this.post('/api/v1/departments', { name, code });
    expectStatus(res, 201, `department ${code}`);
    return res.body.id;
  };

  /** An employee (in a department, or company-wide when none is given); answers the id. */
  readonly employee = async (name: string, role: string, departmentId?: string): Promise<string> => {
    const res = await this.post('/api/v1/employees', { name, role, ...(departmentId ? { departmentId } : {}) });
    expectStatus(res, 201, `employee ${name}`);
    return res.body.id;
  };

  /** Makes each head the head of their department. */
  readonly appointHeads = async (heads: [departmentId: string, headId: string][]): Promise<void> => {
    for (const [departmentId, headId] of heads) {
      const res = await this.api.rest('PATCH', `/api/v1/departments/${departmentId}`, { body: { headId }, headers: this.admin });
      expectStatus(res, 200, `head of department ${departmentId}`);
    }
  };

  /**
   * The company most suite stories start from: 一部 (D1) headed by 部长甲 and 二部 (D2) headed by 部长乙, with the
   * employees named here (by the key a test calls them) in each. Answers every id by its key.
   */
  readonly twoDepartments = async <A extends string, B extends string>(employees: { d1: Record<A, string>; d2: Record<B, string> }) => {
    const ids = {} as Record<'d1' | 'd2' | 'head1' | 'head2' | A | B, string>;
    ids.d1 = await this.department('一部', 'D1');
    ids.d2 = await this.department('二部', 'D2');
    for (const [department, head, name, staff] of [['d1', 'head1', '部长甲', employees.d1], ['d2', 'head2', '部长乙', employees.d2]] as const) {
      ids[head] = await this.employee(name, 'DEPARTMENT_HEAD', ids[department]);
      for (const [key, employee] of Object.entries<string>(staff)) ids[key as A | B] = await this.employee(employee, 'EMPLOYEE', ids[department]);
    }
    await this.appointHeads([[ids.d1, ids.head1], [ids.d2, ids.head2]]);
    return ids;
  };

  /** A walk-in customer registered by the employee whose headers are given, who becomes the owner; answers the id. */
  readonly register = async (name: string, phone: string, owner: Headers): Promise<string> => {
    const res = await this.post('/api/v1/customers', { name, phone, source: 'WALK_IN' }, owner);
    expectStatus(res, 201, `customer ${name}`);
    return res.body.id;
  };
}

function expectStatus(res: SuiteResponse, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, the suite answered ${res.status} ${JSON.stringify(res.body)}`);
}
