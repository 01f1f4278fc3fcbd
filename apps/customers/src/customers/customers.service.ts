import { Injectable } from '@nestjs/common';
import { isEmployee, Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation, Transactions, type Page, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { DomainEvent, OutboxWriter, TransferCause } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { CustomerHistoryEntity } from '../history/customer-history.entity';
import { HistoryService } from '../history/history.service';
import { OrganisationService } from '../organisation/organisation.service';
import { OwnershipErrors } from '../ownership/ownership.errors';
import { OwnershipService } from '../ownership/ownership.service';
import { CustomerErrors } from './customer-errors';
import { CustomerEntity, CustomerStage } from './customer.entity';
import { CustomerQueryDto, RegisterCustomerDto, TransferCustomerDto, UpdateCustomerDto } from './customer.dto';
import { customerView, CustomerView } from './customer.view';
import { CustomerFilter, CustomersRepository } from './customers.repository';
import { mayEditCustomer, maySeeFullPhone } from './personal-data-policy';
import { actorOf } from '../audit/actor';
import { normalizeMainlandMobile } from './phone';

/** Roles that may register a customer for any owner (the CRM centre enters archives for others). */
const MAY_ASSIGN_ANY_OWNER: readonly Role[] = [Role.CRM_CLERK, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN];

/** Who may move any customer; the general manager may move only under-served ones (V-2). */
const MAY_TRANSFER_ANY_CUSTOMER: readonly Role[] = [Role.RESOURCE_DIRECTOR];

export interface TransferRequest {
  customerId: string;
  toEmployeeId: string;
  reason: string;
  cause: TransferCause;
  causeId: string | null;
  actorId: string | null;
  /** V-2: the general manager may reassign only an under-served customer (checked on the locked row). */
  onlyUnderServed?: boolean;
}

/**
 * Customers: registration with dedupe by normalised phone, reads with P-1 masking and P-2 audit, updates,
 * ownership transfer (written by the ownership capability). REST, GraphQL and event consumers all come here.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly customers: CustomersRepository,
    private readonly organisation: OrganisationService,
    private readonly ownership: OwnershipService,
    private readonly history: HistoryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  normalisePhone(raw: string): string {
    const parsed = normalizeMainlandMobile(raw);
    if (!parsed.ok) throw CustomerErrors.INVALID_PHONE(parsed.reason, { errors: [{ field: 'phone', reason: parsed.reason }] });
    return parsed.e164;
  }

  async register(viewer: Principal | undefined, dto: RegisterCustomerDto): Promise<CustomerView> {
    const phone = this.normalisePhone(dto.phone);
    const ownerId = dto.ownerId ?? (isEmployee(viewer) ? viewer.employeeId : undefined);
    if (!ownerId) throw CommonErrors.VALIDATION_FAILED('ownerId is required when the caller is not an employee', { errors: [{ field: 'ownerId', reason: 'required' }] });
    const owner = await this.organisation.findEmployee(ownerId);
    if (!owner) {
      // A role-only development token names no employee: the caller cannot own the customer.
      if (!dto.ownerId) throw CustomerErrors.OWNER_NOT_FOUND(`The caller (${ownerId}) is not an employee, so the customer needs an ownerId: the employee who will own it`);
      throw CustomerErrors.OWNER_NOT_FOUND(`No employee ${ownerId}`);
    }
    if (owner.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${owner.name} was deactivated and can own no customer`);
    if (!owner.departmentId) throw CustomerErrors.OWNER_HAS_NO_DEPARTMENT(`${owner.name} belongs to no department`);
    if (isEmployee(viewer) && owner.id !== viewer.employeeId && !MAY_ASSIGN_ANY_OWNER.includes(viewer.role) && owner.departmentId !== viewer.departmentId) {
      throw CustomerErrors.OWNER_NOT_IN_DEPARTMENT();
    }
    if (dto.referrerId && !(await this.customers.findById(dto.referrerId))) throw CustomerErrors.REFERRER_NOT_FOUND(`No customer ${dto.referrerId}`);

    const now = this.clock.now();
    const actorId = isEmployee(viewer) ? viewer.employeeId : null;
    const saved = await this.transactions.run(async (tx) => {
      const existing = await this.customers.findByPhone(phone, tx);
      if (existing) throw CustomerErrors.CUSTOMER_PHONE_EXISTS('This phone is already a customer', { customerId: existing.id });
      const customer = await this.customers
        .insert(
          {
            name: dto.name.trim(),
            phone,
            gender: dto.gender ?? null,
            birthDate: dto.birthDate ?? null,
            address: dto.address ?? null,
            notes: dto.notes ?? null,
            source: dto.source,
            stage: CustomerStage.POTENTIAL,
            valueTier: null,
            ownerId: owner.id,
            departmentId: owner.departmentId!,
            referrerId: dto.referrerId ?? null,
            underServed: false,
            assignedAt: now,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        )
        .catch((e) => {
          // Two registrations of one phone at once: the unique index decides, the loser hears why.
          if (isUniqueViolation(e)) throw CustomerErrors.CUSTOMER_PHONE_EXISTS('This phone is already a customer');
          throw e;
        });
      await this.outbox.append(tx, [this.registeredEvent(customer, null)]);
      await this.ownership.recordFirstOwners(tx, [{ customerId: customer.id, ownerId: customer.ownerId, departmentId: customer.departmentId }], {
        cause: 'registration',
        causeCode: 'REGISTRATION',
        causeId: null,
        actorId,
        at: now,
      });
      return customer;
    });
    return this.view(viewer, saved);
  }

  /** The event of a new customer (its first owner is the ownership capability's `customer.assigned`). */
  registeredEvent(
    customer: Pick<CustomerEntity, 'id' | 'ownerId' | 'departmentId' | 'referrerId' | 'source' | 'stage' | 'createdAt'>,
    outreachEventId: string | null,
  ): DomainEvent<'customer.registered'> {
    return {
      name: 'customer.registered',
      payload: {
        customerId: customer.id,
        ownerId: customer.ownerId,
        departmentId: customer.departmentId,
        referrerId: customer.referrerId,
        source: customer.source,
        outreachEventId,
        stage: customer.stage,
        registeredAt: customer.createdAt.toISOString(),
      },
    };
  }

  async get(viewer: Principal | undefined, id: string): Promise<CustomerView> {
    return this.view(viewer, await this.entity(id));
  }

  async entity(id: string): Promise<CustomerEntity> {
    const customer = await this.customers.findById(id);
    if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${id}`);
    return customer;
  }

  findMany(ids: readonly string[]): Promise<CustomerEntity[]> {
    return this.customers.findByIds(ids);
  }

  /** A customer's history, newest first (404 for an unknown customer). */
  async historyOf(id: string): Promise<CustomerHistoryEntity[]> {
    await this.entity(id);
    return this.history.list(id);
  }

  /** The history of a customer already found (GraphQL's field). */
  listHistory(id: string): Promise<CustomerHistoryEntity[]> {
    return this.history.list(id);
  }

  async list(viewer: Principal | undefined, query: CustomerQueryDto, limit: number): Promise<Page<CustomerView>> {
    const filter: CustomerFilter = {
      ownerId: query.ownerId,
      departmentId: query.departmentId,
      stage: query.stage,
      underServed: query.underServed,
      name: query.name,
      phone: query.phone ? this.normalisePhone(query.phone) : undefined,
    };
    const page = await this.customers.search(filter, limit, query.cursor);
    return { items: await this.views(viewer, page.items), nextCursor: page.nextCursor };
  }

  /** Shapes customers for a viewer and audits every full phone shown (P-1, P-2), in one insert. */
  async views(viewer: Principal | undefined, customers: CustomerEntity[]): Promise<CustomerView[]> {
    const out = customers.map((c) => customerView(c, maySeeFullPhone(viewer, c)));
    const revealed = out.filter((v) => !v.phoneMasked);
    await this.audit.record(
      revealed.map((v) => ({ actor: actorOf(viewer), action: AuditAction.READ_PERSONAL_DATA, subjectType: 'customer', subjectId: v.id, detail: { fields: ['phone'] } })),
    );
    return out;
  }

  async view(viewer: Principal | undefined, customer: CustomerEntity): Promise<CustomerView> {
    return (await this.views(viewer, [customer]))[0];
  }

  async update(viewer: Principal | undefined, id: string, dto: UpdateCustomerDto): Promise<CustomerView> {
    const phone = dto.phone !== undefined ? this.normalisePhone(dto.phone) : undefined;
    const saved = await this.transactions.run(async (tx) => {
      const customer = await this.customers.findByIdForUpdate(id, tx);
      if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${id}`);
      if (!mayEditCustomer(viewer, customer)) throw CustomerErrors.CUSTOMER_NOT_EDITABLE();
      // P-3: an erased person's details are never written again (a new registration makes a new customer).
      if (customer.erased) throw CustomerErrors.CUSTOMER_ALREADY_ERASED(`Customer ${id} was erased`);
      const changed: ('name' | 'phone' | 'gender' | 'birthDate' | 'address')[] = [];
      if (phone !== undefined && phone !== customer.phone) {
        const other = await this.customers.findByPhone(phone, tx);
        if (other) throw CustomerErrors.CUSTOMER_PHONE_EXISTS('This phone is already a customer', { customerId: other.id });
        customer.phone = phone;
        changed.push('phone');
      }
      for (const field of ['name', 'gender', 'birthDate', 'address'] as const) {
        const value = dto[field];
        if (value !== undefined && value !== customer[field]) {
          (customer as unknown as Record<string, unknown>)[field] = field === 'name' ? (value as string).trim() : value;
          changed.push(field);
        }
      }
      if (dto.notes !== undefined) customer.notes = dto.notes;
      if (!changed.length && dto.notes === undefined) return customer;
      customer.updatedAt = this.clock.now();
      await this.customers.save(customer, tx);
      if (changed.length) {
        await this.outbox.append(tx, [
          { name: 'customer.updated', payload: { customerId: customer.id, changed, referrerId: customer.referrerId, updatedAt: customer.updatedAt.toISOString() } },
        ]);
      }
      return customer;
    });
    return this.view(viewer, saved);
  }

  /**
   * POST /customers/{id}/transfer: the company's decision (V-2), recorded and audited (P-2). The resource director
   * may move any customer; the general manager only an under-served one (409 CUSTOMER_NOT_UNDER_SERVED).
   */
  async transferByDirector(viewer: Principal | undefined, id: string, dto: TransferCustomerDto): Promise<CustomerView> {
    const actorId = isEmployee(viewer) ? viewer.employeeId : null;
    const onlyUnderServed = !isEmployee(viewer) || !MAY_TRANSFER_ANY_CUSTOMER.includes(viewer.role);
    const customer = await this.transfer(
      { customerId: id, toEmployeeId: dto.toEmployeeId, reason: dto.reason, cause: 'MANUAL', causeId: null, actorId, onlyUnderServed },
      actorOf(viewer),
    );
    return this.view(viewer, customer);
  }

  /** Moves a customer to another owner in one transaction (`outer` when the caller has one): the rules, then the writer. */
  async transfer(request: TransferRequest, actor: string, outer?: Tx): Promise<CustomerEntity> {
    return this.transactions.run(
      async (tx) => {
        const from = await this.ownership.lock(tx, request.customerId);
        if (!from) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${request.customerId}`);
        if (request.onlyUnderServed && !(await this.customers.findById(request.customerId, tx))?.underServed) {
          throw CustomerErrors.CUSTOMER_NOT_UNDER_SERVED(`Customer ${request.customerId} is not under-served: only the resource director may reassign them`);
        }
        const to = await this.organisation.findEmployee(request.toEmployeeId);
        if (!to) throw CustomerErrors.OWNER_NOT_FOUND(`No employee ${request.toEmployeeId}`);
        if (to.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${to.name} was deactivated and can own no customer`);
        if (!to.departmentId) throw CustomerErrors.OWNER_HAS_NO_DEPARTMENT(`${to.name} belongs to no department`);
        if (to.id === from.ownerId) throw CustomerErrors.TRANSFER_TO_SAME_OWNER();
        await this.ownership.transfer(tx, [{ customerId: request.customerId, from, to: { ownerId: to.id, departmentId: to.departmentId } }], {
          reason: request.reason,
          cause: request.cause,
          causeId: request.causeId,
          actor,
          actorId: request.actorId,
          at: this.clock.now(),
        });
        return (await this.customers.findById(request.customerId, tx))!;
      },
      { outer },
    );
  }
}
