import { Injectable } from '@nestjs/common';
import { Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation, Page, Transactions, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { OutboxWriter } from '@crm/events';
import { OwnershipErrors } from '../ownership/ownership.errors';
import { CustomerHandover } from './customer-handover';
import { DepartmentEntity } from './department.entity';
import { EmployeeEntity } from './employee.entity';
import { normaliseLogin } from '../support/login-name';
import { CreateDepartmentDto, CreateEmployeeDto, UpdateDepartmentDto, UpdateEmployeeDto } from './organisation.dto';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';

/** Roles that work inside a department and so must name one. */
const DEPARTMENT_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.DEPARTMENT_HEAD];

export interface EmployeeFilter {
  departmentId?: string;
  /** true: active only; false: deactivated only; undefined: everyone. */
  active?: boolean;
}

/**
 * Departments and staff. Every change is announced (`department.saved`, `employee.saved`) in its own
 * transaction, so the other services' copies of the organisation follow. A change of an employee's role or
 * department raises their session version: every service then refuses the tokens they hold (the identity
 * capability issues new ones). Deactivation is deactivation.service.ts.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly repo: OrganisationRepository,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly handover: CustomerHandover,
  ) {}

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    if (await this.repo.departmentCodeTaken(dto.code)) throw OrganisationErrors.DEPARTMENT_CODE_EXISTS(`Code ${dto.code} is taken`);
    return this.transactions.run((tx) => this.saveDepartment(tx, this.repo.newDepartment({ name: dto.name, code: dto.code, headId: null })));
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.repo.listDepartments();
  }

  async department(id: string): Promise<DepartmentEntity> {
    const d = await this.repo.findDepartment(id);
    if (!d) throw OrganisationErrors.DEPARTMENT_NOT_FOUND(`No department ${id}`);
    return d;
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.repo.departmentsByIds(ids);
  }

  /** A new head must be an active employee of the department (kept so until commit: a deactivation waits). */
  async updateDepartment(id: string, dto: UpdateDepartmentDto): Promise<DepartmentEntity> {
    const d = await this.department(id);
    return this.transactions.run(async (tx) => {
      // A department always keeps a head once it has one: null (GraphQL's or JSON's) names nobody and changes nothing.
      if (dto.headId !== undefined && dto.headId !== null) {
        const head = await this.repo.lockEmployee(tx, dto.headId, 'share');
        if (!head) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${dto.headId}`);
        if (head.departmentId !== id) throw OrganisationErrors.HEAD_NOT_IN_DEPARTMENT(`${head.name} is not in ${d.name}`);
        if (head.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${head.name} was deactivated at ${head.deactivatedAt.toISOString()}`);
        d.headId = head.id;
      }
      if (dto.name !== undefined) d.name = dto.name;
      return this.saveDepartment(tx, d);
    });
  }

  private async saveDepartment(tx: Tx, department: DepartmentEntity): Promise<DepartmentEntity> {
    const saved = await this.repo.saveDepartment(tx, department);
    await this.outbox.append(tx, [
      {
        name: 'department.saved',
        payload: { departmentId: saved.id, name: saved.name, code: saved.code, headId: saved.headId, savedAt: this.clock.now().toISOString() },
      },
    ]);
    return saved;
  }

  async createEmployee(dto: CreateEmployeeDto): Promise<EmployeeEntity> {
    await this.checkPlacement(dto.role, dto.departmentId ?? null);
    const login = dto.login === undefined || dto.login === null ? null : (normaliseLogin(dto.login) as string);
    if (login !== null && (await this.repo.loginTaken(login))) throw OrganisationErrors.LOGIN_TAKEN(`Login ${login} is taken`);
    return this.transactions
      .run(async (tx) => {
        const created = await this.repo.insertEmployee(tx, { name: dto.name, role: dto.role, departmentId: dto.departmentId ?? null, login });
        return this.saveEmployee(tx, created);
      })
      .catch((e) => {
        // Two creations with one login at once: the unique index decides, the loser hears why.
        if (isUniqueViolation(e)) throw OrganisationErrors.LOGIN_TAKEN(`Login ${login} is taken`);
        throw e;
      });
  }

  /**
   * PATCH /employees/{id}. A new role or department raises the session version (their tokens stop working); a new
   * name does not. The employee's customers stay theirs. The head of a department may not leave it or stop being
   * a head (409 EMPLOYEE_HEADS_DEPARTMENT: appoint another head first); a deactivated employee is not changed.
   */
  /**
   * PATCH /employees/{id}. A move to another department (or to a company-wide role, which has none) hands the
   * customers the employee owns to the department they leave (customer-handover.ts); a move or a change of role
   * raises the session version, so their tokens stop working everywhere. A name alone changes neither.
   */
  async updateEmployee(caller: Principal | undefined, id: string, dto: UpdateEmployeeDto): Promise<EmployeeEntity> {
    const before = await this.employee(id);
    return this.transactions.run(async (tx) => {
      // Lock order as for a deactivation: the department left, then the employee, then their customers.
      if (before.departmentId) await this.repo.lockDepartment(tx, before.departmentId);
      const e = await this.repo.lockEmployee(tx, id, 'write');
      if (!e) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${id}`);
      if (e.departmentId !== before.departmentId) throw CommonErrors.CONFLICT(`${e.name} moved to another department meanwhile; try again`);
      if (e.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${e.name} was deactivated at ${e.deactivatedAt.toISOString()}`);
      const role = dto.role ?? e.role;
      const departmentId = dto.departmentId !== undefined ? dto.departmentId : e.departmentId;
      const moved = departmentId !== e.departmentId;
      const roleChanged = role !== e.role;
      if (moved || roleChanged) await this.checkPlacement(role, departmentId);
      if (moved || (roleChanged && role !== Role.DEPARTMENT_HEAD)) {
        const headed = await this.repo.departmentsHeadedBy(tx, id);
        if (headed.length) {
          throw OrganisationErrors.EMPLOYEE_HEADS_DEPARTMENT(`${e.name} heads ${headed.map((d) => d.name).join(', ')}: appoint another head first`, {
            departmentIds: headed.map((d) => d.id),
          });
        }
      }
      const renamed = dto.name !== undefined && dto.name !== e.name;
      const login = dto.login === undefined ? e.login : (normaliseLogin(dto.login) as string);
      const newLogin = login !== e.login;
      if (newLogin && (await this.repo.loginTaken(login!))) throw OrganisationErrors.LOGIN_TAKEN(`Login ${login} is taken`);
      if (!moved && !roleChanged && !renamed && !newLogin) return e;
      if (moved) {
        await this.handover.handOver(tx, e, {
          reason: `owner ${e.name} moved to another department: customers shared among the department's active employees`,
          cause: 'DEPARTMENT_MOVE',
          caller,
          at: this.clock.now(),
        });
      }
      if (moved || roleChanged) e.sessionVersion += 1;
      e.name = dto.name ?? e.name;
      e.role = role;
      e.departmentId = departmentId;
      e.login = login;
      return this.saveEmployee(tx, e);
    }).catch((error: unknown) => {
      // Two changes racing for one login: the unique index decides, and the loser hears why.
      if (isUniqueViolation(error)) throw OrganisationErrors.LOGIN_TAKEN(`Login ${dto.login} is taken`);
      throw error;
    });
  }

  /**
   * Saves the employee and announces the whole of them (`employee.saved`: role, department, login, session
   * version, deactivation) in the caller's transaction.
   */
  async saveEmployee(tx: Tx, employee: EmployeeEntity): Promise<EmployeeEntity> {
    const saved = await this.repo.saveEmployee(tx, employee);
    await this.outbox.append(tx, [
      {
        name: 'employee.saved',
        payload: {
          employeeId: saved.id,
          name: saved.name,
          role: saved.role,
          departmentId: saved.departmentId,
          login: saved.login,
          sessionVersion: saved.sessionVersion,
          deactivatedAt: saved.deactivatedAt ? saved.deactivatedAt.toISOString() : null,
          savedAt: this.clock.now().toISOString(),
        },
      },
    ]);
    return saved;
  }

  /** Department staff need a department that exists; company-wide roles may be in none (createEmployee's rule). */
  private async checkPlacement(role: Role, departmentId: string | null): Promise<void> {
    if (DEPARTMENT_ROLES.includes(role) && !departmentId) {
      throw OrganisationErrors.DEPARTMENT_REQUIRED(`A ${role} needs a departmentId (only company-wide roles may have none)`);
    }
    if (departmentId) await this.department(departmentId);
  }

  async employee(id: string): Promise<EmployeeEntity> {
    const e = await this.repo.findEmployee(id);
    if (!e) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${id}`);
    return e;
  }

  findEmployee(id: string): Promise<EmployeeEntity | null> {
    return this.repo.findEmployee(id);
  }

  employeesByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.repo.employeesByIds(ids);
  }

  listEmployees(filter: EmployeeFilter, limit: number, cursor?: string): Promise<Page<EmployeeEntity>> {
    return this.repo.listEmployees(filter, limit, cursor);
  }
}
