/**
 * The little REST client the seed needs: JSON in and out through the gateway, problem+json turned into a
 * message a person can act on, pages followed to the end, and a bounded pool so a few hundred requests
 * neither queue up one by one nor flood the suite at once.
 */

/** A failure the seed cannot work around: the message is what the user reads, so it says what to do. */
export class SeedError extends Error {}

/** What one step of the seed made in this run, and what it found made by an earlier one. */
export interface Tally {
  created: number;
  existing: number;
}

export const tally = (): Tally => ({ created: 0, existing: 0 });

export interface Reply<T> {
  status: number;
  body: T;
}

/** Long enough for a cold service's first request, short enough that a hung suite does not hang the seed. */
const REQUEST_TIMEOUT_MS = 30_000;

export class Api {
  private token: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** 200 only when the gateway and every service behind it are ready (docs/api/ops.md "Health"). */
  async checkReady(): Promise<void> {
    const res = await this.send('GET', '/health');
    if (res.status !== 200) {
      throw new SeedError(
        `the suite at ${this.baseUrl} is not ready (GET /health: ${res.status} ${JSON.stringify(res.body)})`,
      );
    }
  }

  /** An ADMIN development token (not in production): the seed acts as the company's system administrator. */
  async signInAsAdmin(): Promise<void> {
    const res = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/dev-token', {
      role: 'ADMIN',
    });
    this.token = res.body.accessToken;
  }

  /**
   * The same suite, signed in as one of the demo staff (a development token for the employee, so role and
   * department are theirs): what a member of staff does, such as a visit they made, is recorded as theirs.
   */
  async actingAs(employeeId: string): Promise<Api> {
    const res = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/dev-token', { employeeId });
    const staff = new Api(this.baseUrl);
    staff.token = res.body.accessToken;
    return staff;
  }

  /** A request whose answer must be 2xx, or one of the `expected` statuses the caller handles itself. */
  async request<T>(method: string, path: string, body?: unknown, expected: number[] = []): Promise<Reply<T>> {
    const res = await this.send<T>(method, path, body);
    if ((res.status >= 200 && res.status < 300) || expected.includes(res.status)) return res;
    const problem = res.body as { code?: string; detail?: string } | string;
    const why =
      typeof problem === 'object' && problem
        ? `${problem.code ?? ''} ${problem.detail ?? ''}`.trim()
        : String(problem);
    throw new SeedError(`${method} ${path} answered ${res.status}: ${why || '(no body)'}`);
  }

  /** Every item of a list endpoint, following `nextCursor` (the contract's paging) to the last page. */
  async listAll<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: string = `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res: Reply<{ items: T[]; nextCursor: string | null }> = await this.request('GET', page);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SeedError(
        `cannot reach the suite at ${this.baseUrl} (is \`npm start\` running?): ${method} ${path}: ${why}`,
      );
    }
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, body: (json && text ? JSON.parse(text) : text) as T };
  }
}

/**
 * Runs `work` over `items` with at most `limit` in flight and keeps the results in input order. After the
 * first failure no new item starts, so one bad answer does not turn into hundreds of identical errors.
 */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Sends `send` again while its answer's code is one of `unknown`: a service learns what others own from their
 * events, so right after the seed created something it may not have heard of it for a moment (longer on a busy
 * machine: the seed's 300 customers make a burst of events each service works through in order). Gives up after
 * 30 seconds and answers the last reply, for the caller to report.
 */
export async function whileUnknown<T extends { code?: string }>(send: () => Promise<Reply<T>>, unknown: readonly string[]): Promise<Reply<T>> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const res = await send();
    if (!unknown.includes(res.body.code ?? '') || performance.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}
