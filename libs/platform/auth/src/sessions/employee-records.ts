import { DataSource } from 'typeorm';
import { realNowMs } from '@crm/clock';

/** What the authentication of a call needs of an employee: their standing, role and department now. */
export interface EmployeeStanding {
  id: string;
  role: string;
  departmentId: string | null;
  sessionVersion: number;
  deactivated: boolean;
}

/**
 * Reads employees from the service's own `employees` table: customers' originals, or the replica every other
 * service keeps from `employee.saved` (the same columns), so no call leaves the service to authenticate one.
 * Answers are kept for `ttlMs`: a move, demotion or deactivation is seen within the event's delivery plus
 * that (docs/identity.md "Sessions that end" promises 5 seconds).
 */
export class EmployeeRecords {
  private readonly byId = new Map<string, { at: number; value: EmployeeStanding | null }>();
  private readonly byLogin = new Map<string, { at: number; value: EmployeeStanding | null }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
  ) {}

  byEmployeeId(id: string): Promise<EmployeeStanding | null> {
    return this.cached(this.byId, id, 'id = $1');
  }

  /** By sign-in name (stored lower-case), for tokens of the company's own identity provider. */
  byLoginName(login: string): Promise<EmployeeStanding | null> {
    return this.cached(this.byLogin, login.toLowerCase(), 'login = $1');
  }

  private async cached(cache: Map<string, { at: number; value: EmployeeStanding | null }>, key: string, where: string): Promise<EmployeeStanding | null> {
    // Real time: a moved business clock must neither keep nor drop an employee's standing.
    const now = realNowMs();
    const hit = cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const rows: { id: string; role: string; department_id: string | null; session_version: number; deactivated_at: Date | null }[] = await this.dataSource.query(
      `SELECT id, role, department_id, session_version, deactivated_at FROM employees WHERE ${where}`,
      [key],
    );
    const row = rows[0];
    const value = row
      ? { id: row.id, role: row.role, departmentId: row.department_id, sessionVersion: row.session_version, deactivated: row.deactivated_at !== null }
      : null;
    if (cache.size >= this.maxEntries) cache.clear();
    cache.set(key, { at: now, value });
    return value;
  }
}
