import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { OutboxWriter } from '@crm/events';
import { CustomerOwnerships, OrganisationDirectory } from '@crm/service-kit';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Page, Transactions, type Tx } from '@crm/database';
import { COMPLAINTS_OPTIONS, ComplaintsOptions } from '../complaints-options';
import { ComplaintEntity } from './complaint.entities';
import { complaintActionView, ComplaintActionView, complaintView, ComplaintView, complaintWithFinesView, ComplaintWithFinesView } from './complaint.view';
import { ComplaintFilter, ComplaintsRepository } from './complaints.repository';
import { FileComplaintDto } from './complaints.dto';
import { ComplaintErrors } from './complaints.errors';
import { fineEvents } from './fine-events';
import { ComplaintStatus, SlaState } from './rules/complaint-enums';
import { dueAtOf, slaAfterReopening, slaAfterResolution } from './rules/deadline';
import { FinedParties, finesOnFiling } from './rules/fines';
import { complaintScope, filingRefusal, maySee, reopeningRefusal, resolutionRefusal } from './rules/visibility';

/** What an erased customer's complaint texts read (P-3): fixed, so nothing of the person is left. */
export const ERASED_TEXT = '[erased]';

/** C-1..C-5 for requests: filing with its fines, resolution, the one reopening, and who sees what. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly complaints: ComplaintsRepository,
    private readonly ownerships: CustomerOwnerships,
    private readonly organisation: OrganisationDirectory,
    private readonly outbox: OutboxWriter<'complaints'>,
    private readonly clock: Clock,
    @Inject(COMPLAINTS_OPTIONS) private readonly options: ComplaintsOptions,
  ) {}

  /**
   * C-1 with C-2/C-3: the complaint, its fines and its events in one transaction. The complaint keeps the
   * department that owned the customer when it was filed: its head is the one C-3 and C-4 fine.
   */
  async file(caller: Principal | undefined, dto: FileComplaintDto): Promise<ComplaintView> {
    // Staff with no part in complaints are refused before any lookup, so they cannot probe which customers exist.
    if (isEmployee(caller) && complaintScope(caller).kind === 'none') throw ComplaintErrors.COMPLAINT_FILING_NOT_ALLOWED('Your role files no complaints');
    // Read your writes: a customer registered a moment ago may not have reached this service's read model yet.
    const customer = await this.ownerships.awaitKnown(dto.customerId);
    if (!customer) throw ComplaintErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`);
    const employeeId = dto.employeeId ?? customer.ownerId;
    const employee = await this.organisation.employee(employeeId);
    if (!employee) throw ComplaintErrors.EMPLOYEE_NOT_FOUND(`No employee ${employeeId}`);
    if (!employee.departmentId) throw ComplaintErrors.EMPLOYEE_HAS_NO_DEPARTMENT(`Employee ${employeeId} belongs to no department`);
    const subject = { employeeId, departmentId: employee.departmentId };
    const refusal = filingRefusal(caller, subject, dto.channel);
    if (refusal) throw ComplaintErrors.COMPLAINT_FILING_NOT_ALLOWED(refusal);

    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const complaint = await this.complaints.insert(tx, {
        id: randomUUID(),
        customerId: customer.customerId,
        employeeId,
        departmentId: employee.departmentId!,
        customerDepartmentId: customer.departmentId,
        cause: dto.cause,
        channel: dto.channel,
        description: dto.description,
        status: ComplaintStatus.OPEN,
        sla: SlaState.PENDING,
        filedBy: filerOf(caller),
        filedAt: now,
        dueAt: dueAtOf(now, this.options.slaHours),
        resolvedAt: null,
        resolutionNote: null,
        resolvedBy: null,
        reopenedAt: null,
        reopenedBy: null,
        reopenReason: null,
        breachedAt: null,
      });
      const customerHeadId = (await this.organisation.department(complaint.customerDepartmentId, tx))?.headId ?? null;
      const fines = finesOnFiling(dto.channel, finedParties(complaint, customerHeadId)).map((f) => ({ ...f, complaintId: complaint.id }));
      const booked = await this.complaints.imposeFines(tx, fines, now);
      await this.outbox.append(tx, [
        {
          name: 'complaint.filed',
          payload: {
            complaintId: complaint.id,
            customerId: complaint.customerId,
            employeeId,
            departmentId: complaint.departmentId,
            cause: complaint.cause,
            channel: complaint.channel,
            filedAt: now.toISOString(),
            dueAt: complaint.dueAt.toISOString(),
          },
        },
        ...fineEvents(booked, now),
      ]);
      return complaintView(complaint);
    });
  }

  async get(caller: Principal | undefined, id: string): Promise<ComplaintWithFinesView> {
    const complaint = await this.visible(caller, id);
    const [fines, actions] = await Promise.all([this.complaints.finesOf(complaint.id), this.complaints.actionsOf([complaint.id])]);
    return complaintWithFinesView(complaint, fines, actions);
  }

  async list(caller: Principal | undefined, filter: ComplaintFilter, page: { limit?: number; cursor?: string }): Promise<Page<ComplaintView>> {
    const scope = complaintScope(caller);
    if (scope.kind === 'none') throw ComplaintErrors.COMPLAINT_NOT_VISIBLE('Your role sees no complaints');
    const found = await this.complaints.list(scope, filter, { limit: page.limit ?? 50, cursor: page.cursor });
    return { items: found.items.map(complaintView), nextCursor: found.nextCursor };
  }

  /** Of these complaints (a customer's, loaded in a batch), those the caller may see (`Customer.complaints`). */
  visibleTo(caller: Principal, complaints: readonly ComplaintEntity[]): ComplaintView[] {
    return complaints.filter((k) => maySee(caller, k)).map(complaintView);
  }

  /**
   * C-5: what was done, marked by someone other than the employee the complaint names (who records their part
   * with recordAction). A resolution after the due time leaves the breach to the complaint-sla sweep.
   */
  async resolve(caller: Principal | undefined, id: string, note: string): Promise<ComplaintView> {
    return this.change(caller, id, async (complaint, tx, now) => {
      // Only staff resolve (the route admits no partner): the resolver is named on the event.
      if (!isEmployee(caller)) throw ComplaintErrors.COMPLAINT_NOT_VISIBLE('Complaints are resolved by staff');
      if (resolutionRefusal(caller, complaint) === 'SELF_RESOLUTION') {
        throw ComplaintErrors.SELF_RESOLUTION_FORBIDDEN('This complaint names you: record what you did as an action; your head or the general manager\'s office marks it resolved');
      }
      if (complaint.status === ComplaintStatus.RESOLVED) throw ComplaintErrors.COMPLAINT_ALREADY_RESOLVED(`Resolved at ${complaint.resolvedAt!.toISOString()}`);
      const resolvedBy = caller.employeeId;
      complaint.status = ComplaintStatus.RESOLVED;
      complaint.sla = slaAfterResolution(complaint.sla, complaint.dueAt, now);
      complaint.resolvedAt = now;
      complaint.resolutionNote = note;
      complaint.resolvedBy = resolvedBy;
      await this.complaints.save(tx, complaint);
      await this.outbox.append(tx, {
        name: 'complaint.resolved',
        payload: { ...subjectOf(complaint), resolvedBy, resolvedAt: now.toISOString() },
      });
    });
  }

  /**
   * C-5: what someone who may see the complaint did about it, the employee it names included. It resolves
   * nothing and leaves the deadline running; a resolved complaint takes no more actions (a reopening does).
   */
  async recordAction(caller: Principal | undefined, id: string, note: string): Promise<ComplaintActionView> {
    return this.transactions.run(async (tx) => {
      const complaint = await this.visible(caller, id, tx);
      if (!isEmployee(caller)) throw ComplaintErrors.COMPLAINT_NOT_VISIBLE('Actions are recorded by staff');
      if (complaint.status === ComplaintStatus.RESOLVED) throw ComplaintErrors.COMPLAINT_ALREADY_RESOLVED(`Resolved at ${complaint.resolvedAt!.toISOString()}`);
      const action = await this.complaints.recordAction(tx, { id: randomUUID(), complaintId: complaint.id, note, recordedBy: caller.employeeId, recordedAt: this.clock.now() });
      return complaintActionView(action);
    });
  }

  /** Reopening (once): open again with the original due time, so a deadline already passed is breached at the next sweep. */
  async reopen(caller: Principal | undefined, id: string, reason: string): Promise<ComplaintView> {
    return this.change(caller, id, async (complaint, tx, now) => {
      const refusal = reopeningRefusal(caller, complaint);
      if (refusal) throw ComplaintErrors.COMPLAINT_NOT_VISIBLE(refusal);
      if (complaint.status !== ComplaintStatus.RESOLVED) throw ComplaintErrors.COMPLAINT_NOT_RESOLVED();
      if (complaint.reopenedAt) throw ComplaintErrors.COMPLAINT_ALREADY_REOPENED(`Reopened at ${complaint.reopenedAt.toISOString()}`);
      const reopenedBy = isEmployee(caller) ? caller.employeeId : null;
      complaint.status = ComplaintStatus.OPEN;
      complaint.sla = slaAfterReopening(complaint.sla);
      complaint.reopenedAt = now;
      complaint.reopenedBy = reopenedBy;
      complaint.reopenReason = reason;
      await this.complaints.save(tx, complaint);
      await this.outbox.append(tx, {
        name: 'complaint.reopened',
        payload: { ...subjectOf(complaint), reopenedBy, reopenedAt: now.toISOString(), dueAt: complaint.dueAt.toISOString() },
      });
    });
  }

  /**
   * P-3 export: every complaint about the customer, oldest first, with its texts, actions and fines. The door
   * (PersonalDataPolicy) admits only those who answer a data request, who see every complaint.
   */
  async ofCustomerForExport(customerId: string): Promise<ComplaintWithFinesView[]> {
    const complaints = await this.complaints.ofCustomers([customerId]);
    const ids = complaints.map((c) => c.id);
    const [fines, actions] = await Promise.all([this.complaints.finesOfComplaints(ids), this.complaints.actionsOf(ids)]);
    return complaints.map((c) => complaintWithFinesView(c, fines.filter((f) => f.complaintId === c.id), actions.filter((a) => a.complaintId === c.id)));
  }

  /** P-3 erasure, in the caller's transaction: the texts about the customer go, ids, statuses, dates and fines stay. */
  eraseTexts(tx: Tx, customerId: string): Promise<{ complaints: number; actions: number }> {
    return this.complaints.eraseTexts(tx, customerId, ERASED_TEXT);
  }

  /** A complaint the caller may see, or 404 / 403. Ids that are not UUIDs name nothing. */
  private async visible(caller: Principal | undefined, id: string, tx?: Tx): Promise<ComplaintEntity> {
    const complaint = isUUID(id) ? await (tx ? this.complaints.findForUpdate(tx, id) : this.complaints.find(id)) : null;
    if (!complaint) throw ComplaintErrors.COMPLAINT_NOT_FOUND(`No complaint ${id}`);
    if (!maySee(caller, complaint)) throw ComplaintErrors.COMPLAINT_NOT_VISIBLE();
    return complaint;
  }

  /** Runs a change on the locked row in one transaction with its events; the time is read after the lock is held. */
  private change(caller: Principal | undefined, id: string, apply: (c: ComplaintEntity, tx: Tx, now: Date) => Promise<void>): Promise<ComplaintView> {
    return this.transactions.run(async (tx) => {
      const complaint = await this.visible(caller, id, tx);
      await apply(complaint, tx, this.clock.now());
      return complaintView(complaint);
    });
  }
}

function filerOf(caller: Principal | undefined): string {
  if (isEmployee(caller)) return `employee:${caller.employeeId}`;
  return caller ? `partner:${caller.keyId}` : 'unknown';
}

function subjectOf(c: ComplaintEntity) {
  return { complaintId: c.id, customerId: c.customerId, employeeId: c.employeeId, departmentId: c.departmentId };
}

/** Who C-2/C-3/C-4 fine for this complaint, with the head of the customer's department as it is now. */
function finedParties(c: ComplaintEntity, customerHeadId: string | null): FinedParties {
  return { employeeId: c.employeeId, departmentId: c.departmentId, customerDepartmentId: c.customerDepartmentId, customerHeadId };
}
