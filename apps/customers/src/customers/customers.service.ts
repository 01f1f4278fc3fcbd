import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isEmployee, Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { isUniqueViolation } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { DomainEvent, OutboxWriter } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { HistoryKind } from '../history/customer-history.entity';
import { HistoryService } from '../history/history.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CustomerErrors } from './customer-errors';
import { CustomerEntity, CustomerStage } from './customer.entity';
import { CustomerQueryDto, RegisterCustomerDto, TransferCustomerDto, UpdateCustomerDto } from './customer.dto';
import { customerView, CustomerView } from './customer.view';
import type { Page } from '@crm/database';
import { CustomerFilter, CustomersRepository } from './customers.repository';
import { actorOf, mayEditCustomer, maySeeFullPhone } from './personal-data-policy';
import { normalizeMainlandMobile } from './phone';

/** Roles that may register a customer for any owner (the CRM centre enters archives for others). */
const MAY_ASSIGN_ANY_OWNER: readonly Role[] = [Role.CRM_CLERK, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN];

export interface TransferRequest {
  customerId: string;
  toEmployeeId: string;
  reason: string;
  cause: 'MANUAL' | 'COMPLAINT_BREACH' | 'UNDER_SERVED';
  causeId: string | null;
  actorId: string | null;
}

/**
 * Customers: registration with dedupe by normalised phone, reads with P-1 masking and P-2 audit, updates,
 * ownership transfer with history. REST, GraphQL and event consumers all come through here.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersRepository,
    private readonly organisation: OrganisationService,
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
    if (!owner) throw CustomerErrors.OWNER_NOT_FOUND(`No employee ${ownerId}`);
    if (!owner.departmentId) throw CustomerErrors.OWNER_HAS_NO_DEPARTMENT(`${owner.name} belongs to no department`);
    if (isEmployee(viewer) && owner.id !== viewer.employeeId && !MAY_ASSIGN_ANY_OWNER.includes(viewer.role) && owner.departmentId !== viewer.departmentId) {
      throw CustomerErrors.OWNER_NOT_IN_DEPARTMENT();
    }
    if (dto.referrerId && !(await this.customers.findById(dto.referrerId))) throw CustomerErrors.REFERRER_NOT_FOUND(`No customer ${dto.referrerId}`);

    const now = this.clock.now();
    const saved = await this.dataSource.transaction(async (manager) => {
      const existing = await this.customers.findByPhone(phone, manager);
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
          manager,
        )
        .catch((e) => {
          // Two registrations of one phone at once: the unique index decides, the loser hears why.
          if (isUniqueViolation(e)) throw CustomerErrors.CUSTOMER_PHONE_EXISTS('This phone is already a customer');
          throw e;
        });
      await this.history.record(manager, [
        { customerId: customer.id, kind: HistoryKind.OWNER, fromValue: null, toValue: owner.id, cause: 'registration', actorId: isEmployee(viewer) ? viewer.employeeId : null, at: now },
      ]);
      await this.outbox.append(manager, this.registeredEvents(customer, null, isEmployee(viewer) ? viewer.employeeId : null));
      return customer;
    });
    return this.view(viewer, saved);
  }

  /** The events of a new customer: it exists, and it has its first owner. */
  registeredEvents(customer: CustomerEntity, outreachEventId: string | null, assignedBy: string | null): DomainEvent[] {
    const at = customer.createdAt.toISOString();
    return [
      {
        name: 'customer.registered',
        payload: {
          customerId: customer.id,
          ownerId: customer.ownerId,
          departmentId: customer.departmentId,
          referrerId: customer.referrerId,
          source: customer.source,
          outreachEventId,
          stage: customer.stage,
          registeredAt: at,
        },
      },
      {
        name: 'customer.assigned',
        payload: {
          customerId: customer.id,
          ownerId: customer.ownerId,
          departmentId: customer.departmentId,
          previousOwnerId: null,
          previousDepartmentId: null,
          allocationId: null,
          assignedBy,
          assignedAt: at,
        },
      },
    ];
  }

  async get(viewer: Principal | undefined, id: string): Promise<CustomerView> {
    const customer = await this.customers.findById(id);
    if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${id}`);
    return this.view(viewer, customer);
  }

  async entity(id: string): Promise<CustomerEntity> {
    const customer = await this.customers.findById(id);
    if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${id}`);
    return customer;
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
    const saved = await this.dataSource.transaction(async (manager) => {
      const customer = await this.customers.findByIdForUpdate(id, manager);
      if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${id}`);
      if (!mayEditCustomer(viewer, customer)) throw CustomerErrors.CUSTOMER_NOT_EDITABLE();
      const changed: ('name' | 'phone' | 'gender' | 'birthDate' | 'address')[] = [];
      if (phone !== undefined && phone !== customer.phone) {
        const other = await this.customers.findByPhone(phone, manager);
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
      await this.customers.save(customer, manager);
      if (changed.length) {
        await this.outbox.append(manager, [
          { name: 'customer.updated', payload: { customerId: customer.id, changed, referrerId: customer.referrerId, updatedAt: customer.updatedAt.toISOString() } },
        ]);
      }
      return customer;
    });
    return this.view(viewer, saved);
  }

  /** POST /customers/{id}/transfer: the resource director's decision (V-2), recorded and audited (P-2). */
  async transferByDirector(viewer: Principal | undefined, id: string, dto: TransferCustomerDto): Promise<CustomerView> {
    const actorId = isEmployee(viewer) ? viewer.employeeId : null;
    const customer = await this.transfer({ customerId: id, toEmployeeId: dto.toEmployeeId, reason: dto.reason, cause: 'MANUAL', causeId: null, actorId }, actorOf(viewer));
    return this.view(viewer, customer);
  }

  /** Moves a customer to another owner in one transaction: row, history, audit and event together. */
  async transfer(request: TransferRequest, actor: string, outer?: EntityManager): Promise<CustomerEntity> {
    const run = async (manager: EntityManager) => {
      const customer = await this.customers.findByIdForUpdate(request.customerId, manager);
      if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${request.customerId}`);
      const to = await this.organisation.findEmployee(request.toEmployeeId);
      if (!to) throw CustomerErrors.OWNER_NOT_FOUND(`No employee ${request.toEmployeeId}`);
      if (!to.departmentId) throw CustomerErrors.OWNER_HAS_NO_DEPARTMENT(`${to.name} belongs to no department`);
      if (to.id === customer.ownerId) throw CustomerErrors.TRANSFER_TO_SAME_OWNER();
      const now = this.clock.now();
      const from = { ownerId: customer.ownerId, departmentId: customer.departmentId };
      customer.ownerId = to.id;
      customer.departmentId = to.departmentId;
      customer.assignedAt = now;
      customer.updatedAt = now;
      await this.customers.save(customer, manager);
      await this.history.record(manager, [
        { customerId: customer.id, kind: HistoryKind.OWNER, fromValue: from.ownerId, toValue: to.id, cause: request.reason, actorId: request.actorId, at: now },
      ]);
      await this.audit.record(
        [{ actor, action: AuditAction.OWNER_CHANGED, subjectType: 'customer', subjectId: customer.id, detail: { from: from.ownerId, to: to.id, cause: request.cause, causeId: request.causeId } }],
        manager,
      );
      await this.outbox.append(manager, [
        {
          name: 'customer.transferred',
          payload: {
            customerId: customer.id,
            fromOwnerId: from.ownerId,
            fromDepartmentId: from.departmentId,
            toOwnerId: to.id,
            toDepartmentId: to.departmentId,
            reason: request.reason,
            cause: request.cause,
            causeId: request.causeId,
            transferredBy: request.actorId,
            transferredAt: now.toISOString(),
          },
        },
      ]);
      return customer;
    };
    return outer ? run(outer) : this.dataSource.transaction(run);
  }
}
