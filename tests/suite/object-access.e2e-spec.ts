import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  GraphQLInputObjectType,
  GraphQLNamedType,
  GraphQLType,
  getNamedType,
  isInputObjectType,
  Kind,
  parse,
  type DocumentNode,
  type ObjectTypeDefinitionNode,
  buildASTSchema,
} from 'graphql';
import { PARTNER_SCOPES, type PartnerScope } from '@crm/auth';
import { eventually, RunningSuite, startSuite, SuiteClient, SuiteResponse, SuiteSession } from '@crm/testing';

/**
 * Object-level access, for every operation that names an object (docs/rules.md P-1; the `*.policy.ts` of each
 * capability for who may call what at the door; each service's own rules for whose object it is).
 *
 * The operations are not listed by hand: they are read from the running suite, every REST operation of every
 * service's OpenAPI document that takes an id (a path parameter `id`/`…Id`, or a query parameter or body
 * property named `…Id`/`…Ids`), and every Query/Mutation field of the supergraph that takes an ID (as an
 * argument or inside an input), with every entity field another subgraph resolves from the entity's id
 * (`Customer.points`, …). The MATRIX below must hold exactly one row per such operation: a new route without
 * a row fails, a row whose operation is gone fails.
 *
 * Each row calls the operation on an object of department A (一部, D1) and says what each outsider must get:
 *   - `refused`:  403 or 404 (REST) / FORBIDDEN or NOT_FOUND (GraphQL `extensions.code`, or its `extensions.status`
 *                 403/404), and nothing about the object in the answer;
 *   - `masked`:   answered, but personal data hidden (P-1): no full phone of A's customers, no health readings,
 *                 nothing of A's other objects (notes, complaints, …) beyond the object asked for;
 *   - `filtered`: refused as above, or answered with nothing of A's objects (a list filtered to what the caller
 *                 may see, usually empty);
 *   - `open`:     not an object of a department (organisation data, the calendar) or open by design: not checked.
 * Outsiders: an EMPLOYEE and the DEPARTMENT_HEAD of department B (二部, D2); every company-wide role (CRM_CLERK,
 * COORDINATOR, RESOURCE_DIRECTOR, GENERAL_MANAGER) not in the row's `meant`; a partner API key holding every
 * scope except those the row's operation accepts.
 */

// ---------------------------------------------------------------------------------------------------------------
// Kinds of callers and what they must get

type Expect = 'refused' | 'masked' | 'filtered' | 'open';
type CompanyRole = 'clerk' | 'coordinator' | 'director' | 'gm';
const COMPANY_ROLES: Record<CompanyRole, string> = { clerk: 'CRM_CLERK', coordinator: 'COORDINATOR', director: 'RESOURCE_DIRECTOR', gm: 'GENERAL_MANAGER' };
type Caller = 'employee of B' | 'head of B' | CompanyRole | 'partner without scope';

/** The objects of department A the rows act on, built through the gateway in beforeAll. */
interface Fixtures {
  d1: string;
  d2: string;
  d3: string;
  e1: string;
  e1b: string;
  e2: string;
  e3: string;
  head1: string;
  /** 一部's customer (owner 甲员工), invited, listed, checked in, a buyer, complained about, served, surveyed. */
  customer: string;
  /** 一部's customer who brought `customer` to the meeting: the one with points (R-1, R-2). */
  referrer: string;
  /** A joint meeting of 一部 and 三部 (二部 not in it). */
  meeting: string;
  invitation: string;
  sheet: string;
  /** The day the sheet-cutoff sweep reconciled for the meeting (J-8). */
  reconciliation: string;
  checkIn: string;
  sale: string;
  dispute: string;
  pitch: string;
  /** A DISCOVERED complaint about 甲员工, open. */
  complaint: string;
  /** Another complaint about 甲员工, resolved by 一部's head (for reopening). */
  resolvedComplaint: string;
  serviceRecord: string;
  survey: string;
  pointsEntry: string;
  outreachEvent: string;
  archiveBatch: string;
  /** 一部's customer invited and confirmed for the meeting, not checked in (the check-in rows act on it). */
  customer2: string;
  /** A later joint meeting of 一部 and 三部 that still takes invitations (the invitation rows act on it). */
  laterMeeting: string;
  /** A home visit of the customer without a survey yet (the survey rows act on it). */
  unsurveyedRecord: string;
  /** 一部's customer under-served since 2030-11 (V-2), invited by 三部: the takeover report about it. */
  neglected: string;
  takeoverReport: string;
  /** A spare partner key, for revoking. */
  spareKey: string;
}
type FixtureKey = keyof Fixtures;

/** A call of one operation, as a row makes it. */
type RestCall = { path: string; body?: unknown; headers?: Record<string, string> };
type GraphqlCall = { query: string; variables: Record<string, unknown> };

interface Row {
  /** The rule that says who may (docs/rules.md, the capability's policy). */
  rule: string;
  /** What B's employee and head must get (`head` when the head must get something else). */
  dept: Expect;
  head?: Expect;
  /** Company-wide roles for which the operation is meant (not checked); the others must get `company`. */
  meant: CompanyRole[] | 'all';
  company?: Expect;
  /** Company-wide roles that may see the object, masked (P-1): checked as `masked`. */
  masked?: CompanyRole[];
  /** What `masked` callers may see beyond the customer itself (markers and fixture ids). */
  shows?: Array<keyof typeof MARKERS | FixtureKey>;
  /** What company-wide `masked` callers may see besides (their work needs it, the policy says so). */
  companyShows?: Array<keyof typeof MARKERS | FixtureKey>;
  /** The scopes the operation accepts; a key holding every other scope must be refused. */
  scopes: PartnerScope[];
  partner?: Expect;
  /** A hole other engineers are fixing now: the row still fails on it, the message says so. */
  known?: string;
  rest?: (f: Need) => RestCall;
  graphql?: (f: Need) => GraphqlCall;
}

/** Hands a row its fixture, or stops the row with why the fixture could not be built. */
type Need = <K extends FixtureKey>(key: K) => Fixtures[K];

/** Texts written into A's objects: an answer to an outsider must carry none (but what its row lets through). */
const MARKERS = {
  customerName: '甲部顾客秘名',
  customer2Name: '甲部顾客二秘名',
  referrerName: '甲部介绍人秘名',
  neglectedName: '甲部久未服务秘名',
  address: '甲部秘密地址十八号',
  serviceNotes: '甲部服务秘记',
  complaintText: '甲部投诉秘述',
  resolvedText: '甲部已结投诉秘述',
  surveyComment: '甲部回访秘评',
  disputeText: '甲部争执秘述',
  archiveName: '甲部档案秘名',
};
/** What a `masked` answer may always show: the customers themselves (name, address, id) and the public objects. */
const SHOWN_WHEN_MASKED: Array<keyof typeof MARKERS | FixtureKey> = ['customerName', 'customer2Name', 'referrerName', 'neglectedName', 'address', 'archiveName', 'customer', 'customer2', 'referrer', 'neglected', 'meeting', 'laterMeeting', 'outreachEvent', 'archiveBatch'];

let unique = 0;
const nextPhone = () => `1375${String(Date.now() % 10_000).padStart(4, '0')}${String(unique++ % 1000).padStart(3, '0')}`.slice(0, 11);

/** Types one row of the matrix. */
const R = (row: Row): Row => row;

// ---------------------------------------------------------------------------------------------------------------
// THE MATRIX: one row per operation that names an object, REST by method and path, GraphQL by Type.field.

const MATRIX: Record<string, Row> = {
  // ---- customers: organisation (not department objects: every employee reads them)
  'GET /api/v1/departments/{id}': R({ rule: 'OrganisationPolicy.read: any employee', dept: 'open', meant: 'all', scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/departments/${f('d1')}` }) }),
  'PATCH /api/v1/departments/{id}': R({ rule: 'OrganisationPolicy.updateDepartment: ADMIN, GENERAL_MANAGER', dept: 'refused', meant: ['gm'], scopes: [], rest: (f) => ({ path: `/api/v1/departments/${f('d1')}`, body: { headId: f('e2') } }) }),
  'GET /api/v1/employees/{id}': R({ rule: 'OrganisationPolicy.read: any employee', dept: 'open', meant: 'all', scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/employees/${f('e1')}` }) }),
  'GET /api/v1/employees': R({ rule: 'OrganisationPolicy.read: any employee', dept: 'open', meant: 'all', scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/employees?departmentId=${f('d1')}` }) }),
  'POST /api/v1/employees': R({ rule: 'OrganisationPolicy.createEmployee: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: '/api/v1/employees', body: { name: '外人', role: 'EMPLOYEE', departmentId: f('d1') } }) }),
  'PATCH /api/v1/employees/{id}': R({ rule: 'OrganisationPolicy.updateEmployee: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/employees/${f('e1b')}`, body: { name: '外人改名' } }) }),
  'POST /api/v1/employees/{id}/deactivation': R({ rule: 'OrganisationPolicy.deactivateEmployee: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/employees/${f('e1b')}/deactivation`, body: {} }) }),
  'PUT /api/v1/employees/{id}/password': R({ rule: 'IdentityPolicy.setPassword: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/employees/${f('e1b')}/password`, body: { password: 'an outsider sets it' } }) }),
  'POST /api/v1/auth/dev-token': R({ rule: 'development tokens: public in the suite by design (dev-token.controller.ts, @Public)', dept: 'open', meant: 'all', scopes: [], partner: 'open', rest: (f) => ({ path: '/api/v1/auth/dev-token', body: { employeeId: f('e1') } }) }),
  'DELETE /api/v1/api-keys/{id}': R({ rule: 'AccessPolicy.manageApiKeys: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/api-keys/${f('spareKey')}` }) }),

  // ---- customers: the customer (P-1)
  'GET /api/v1/customers/{id}': R({ rule: 'P-1: B sees the customer with the phone masked; CRM_CLERK, RESOURCE_DIRECTOR, GENERAL_MANAGER full; COORDINATOR masked', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}` }) }),
  'GET /api/v1/customers': R({ rule: 'P-1: B lists A\'s customers with phones masked; COORDINATOR masked', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/customers?ownerId=${f('e1')}&departmentId=${f('d1')}` }) }),
  'GET /api/v1/customers/{id}/history': R({ rule: 'P-1: the history shown masked to B (no full phone, nothing of A\'s complaints or other objects)', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}/history` }) }),
  'PATCH /api/v1/customers/{id}': R({ rule: 'mayEditCustomer: owner, owner\'s head, CRM_CLERK, RESOURCE_DIRECTOR, GENERAL_MANAGER', dept: 'refused', meant: ['clerk', 'director', 'gm'], scopes: ['customers:write'], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}`, body: { notes: '外人改的' } }) }),
  'POST /api/v1/customers/{id}/transfer': R({ rule: 'CustomersPolicy.transfer: RESOURCE_DIRECTOR; V-2: the general manager for under-served customers (409 CUSTOMER_NOT_UNDER_SERVED otherwise)', dept: 'refused', meant: ['director', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}/transfer`, body: { toEmployeeId: f('e1b'), reason: '外人转移' } }) }),
  'POST /api/v1/customers': R({ rule: 'CustomersPolicy.register: any employee may name an existing customer as referrer; the answer must not show the referrer\'s personal data', dept: 'masked', meant: 'all', scopes: ['customers:write'], rest: (f) => ({ path: '/api/v1/customers', body: { name: '新顾客', phone: nextPhone(), source: 'WALK_IN', referrerId: f('customer') } }) }),

  // ---- customers: takeover reports (V-2) and the audit trail (P-2)
  'POST /api/v1/takeover-reports/{id}/approval': R({ rule: 'V-2: the resource director decides (TakeoversPolicy.decide: RESOURCE_DIRECTOR)', dept: 'refused', meant: ['director'], scopes: [], rest: (f) => ({ path: `/api/v1/takeover-reports/${f('takeoverReport')}/approval`, body: {} }) }),
  'POST /api/v1/takeover-reports/{id}/decline': R({ rule: 'V-2: the resource director decides (TakeoversPolicy.decide: RESOURCE_DIRECTOR)', dept: 'refused', meant: ['director'], scopes: [], rest: (f) => ({ path: `/api/v1/takeover-reports/${f('takeoverReport')}/decline`, body: { reason: '外人拒绝' } }) }),
  'GET /api/v1/audit': R({ rule: 'P-2: the audit trail is the general manager\'s (AuditPolicy.list: GENERAL_MANAGER, ADMIN)', dept: 'refused', meant: ['gm'], scopes: [], rest: (f) => ({ path: `/api/v1/audit?customerId=${f('customer')}&actorId=${f('e1')}` }) }),

  // ---- customers: personal data (P-3); the export is assembled by the gateway from every service's GET /personal-data/{customerId}
  'GET /api/v1/personal-data/{customerId}': R({ rule: 'P-3: a data request is the company\'s (PersonalDataPolicy.exportPersonalData: GENERAL_MANAGER, ADMIN in every service); through the gateway\'s export', dept: 'refused', meant: ['gm'], scopes: [], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}/export` }) }),
  'POST /api/v1/customers/{id}/erasure': R({ rule: 'P-3: a data request is the company\'s (PersonalDataPolicy.eraseCustomer: GENERAL_MANAGER, ADMIN)', dept: 'refused', meant: ['gm'], scopes: [], rest: (f) => ({ path: `/api/v1/customers/${f('customer')}/erasure`, body: { reason: '外人删除' } }) }),

  // ---- customers: archives (O-2..O-4)
  'GET /api/v1/archive-batches/{id}': R({ rule: 'ArchivesPolicy.read: 公开, every employee inspects a batch (no full phones: P-1); no partner', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: [], rest: (f) => ({ path: `/api/v1/archive-batches/${f('archiveBatch')}` }) }),
  'POST /api/v1/archive-batches': R({ rule: 'ArchivesPolicy.submit: CRM_CLERK, ADMIN', dept: 'refused', meant: ['clerk'], scopes: [], rest: (f) => ({ path: '/api/v1/archive-batches', body: { outreachEventId: f('outreachEvent'), records: [{ name: '外人档案', phone: nextPhone() }] } }) }),
  'POST /api/v1/archive-batches/{id}/allocation': R({ rule: 'O-4: the head of the organising department (ArchivesPolicy.allocate: DEPARTMENT_HEAD, ADMIN)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/archive-batches/${f('archiveBatch')}/allocation`, body: {} }) }),

  // ---- campaigns: outreach and meetings
  'POST /api/v1/outreach-events': R({ rule: 'O-1, mayRecordFor: a head for their own department; CRM_CLERK, GENERAL_MANAGER any', dept: 'refused', meant: ['clerk', 'gm'], scopes: [], rest: (f) => ({ path: '/api/v1/outreach-events', body: { departmentId: f('d1'), date: '2031-03-04', participantIds: [f('e1')] } }) }),
  'GET /api/v1/outreach-events/{id}': R({ rule: 'OutreachPolicy.read: any employee (department, date, participants: no customer data)', dept: 'open', meant: 'all', scopes: [], rest: (f) => ({ path: `/api/v1/outreach-events/${f('outreachEvent')}` }) }),
  'POST /api/v1/meetings': R({ rule: 'J-1, mayScheduleFor: a head only for meetings of their own department; COORDINATOR, GENERAL_MANAGER any', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: '/api/v1/meetings', body: { date: '2031-03-20', slot: 'EVENING', venue: '外人安排', departmentIds: [f('d1')] } }) }),
  'GET /api/v1/meetings': R({ rule: 'MeetingsPolicy.read: the company calendar, any employee', dept: 'open', meant: 'all', scopes: ['campaigns:read'], rest: (f) => ({ path: `/api/v1/meetings?departmentId=${f('d1')}` }) }),
  'GET /api/v1/meetings/{id}': R({ rule: 'MeetingsPolicy.read: the company calendar, any employee', dept: 'open', meant: 'all', scopes: ['campaigns:read'], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}` }) }),
  'POST /api/v1/meetings/{id}/invitations': R({ rule: 'J-2: only participating departments invite (InvitationsPolicy.invite: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('laterMeeting')}/invitations`, body: { customerId: f('customer') } }) }),
  'GET /api/v1/meetings/{id}/invitations': R({ rule: 'J-2: a meeting\'s invitations are its departments\' (InvitationsPolicy.read: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR, GENERAL_MANAGER)', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/invitations` }) }),
  'POST /api/v1/invitations/{id}/confirm': R({ rule: 'J-2: the inviting department confirms (InvitationsPolicy.confirm: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/invitations/${f('invitation')}/confirm`, body: {} }) }),
  'GET /api/v1/invitations/{id}': R({ rule: 'J-2 (InvitationsPolicy.read: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR, GENERAL_MANAGER)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/invitations/${f('invitation')}` }) }),
  'POST /api/v1/meetings/{id}/sheets': R({ rule: 'J-3, maySubmitFor: a head hands in their own department\'s sheet; COORDINATOR any', dept: 'refused', meant: ['coordinator'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/sheets`, body: { departmentId: f('d1'), customerIds: [f('customer')] } }) }),
  'GET /api/v1/meetings/{id}/sheets': R({ rule: 'J-3: sheets as handed in, a department its own (SheetsPolicy.read: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR, GENERAL_MANAGER)', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/sheets` }) }),
  'GET /api/v1/meetings/{id}/reconciliations': R({ rule: 'J-8: the coordinator and the heads of the participating departments (SheetsPolicy.readReconciliations)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], known: 'a head reads the reconciliation of a meeting their department is not in', rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/reconciliations?day=${f('reconciliation')}` }) }),
  'POST /api/v1/meetings/{id}/check-ins': R({ rule: 'J-9: the meeting\'s departments check in (CheckInsPolicy: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR)', dept: 'refused', meant: ['coordinator'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/check-ins`, body: { customerId: f('customer2') } }) }),
  'POST /api/v1/meetings/{id}/sales': R({ rule: 'J-10: the holder of the invitation sells (SalesPolicy.record: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR)', dept: 'refused', meant: ['coordinator'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/sales`, body: { customerId: f('customer'), amountFen: 100 } }) }),
  'GET /api/v1/meetings/{id}/sales': R({ rule: 'J-10: a meeting\'s sales are its departments\' (SalesPolicy.read: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR, GENERAL_MANAGER)', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/sales` }) }),
  'POST /api/v1/sales/{id}/refunds': R({ rule: 'J-10: the credited department refunds (SalesPolicy.refund: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR)', dept: 'refused', meant: ['coordinator'], scopes: [], rest: (f) => ({ path: `/api/v1/sales/${f('sale')}/refunds`, body: { amountFen: 100 } }) }),
  'GET /api/v1/sales/{id}': R({ rule: 'J-10 (SalesPolicy.read: EMPLOYEE, DEPARTMENT_HEAD, COORDINATOR, GENERAL_MANAGER)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/sales/${f('sale')}` }) }),
  'POST /api/v1/meetings/{id}/disputes': R({ rule: 'J-11: the coordinator or the heads of the meeting\'s departments (DisputesPolicy.raise)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/disputes`, body: { partyEmployeeIds: [f('e1'), f('e2')], customerId: f('customer'), description: '外人争执', arguedInFrontOfCustomers: false } }) }),
  'POST /api/v1/disputes/{id}/ruling': R({ rule: 'J-11: the coordinator, then the general manager (DisputesPolicy.rule)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/disputes/${f('dispute')}/ruling`, body: { outcome: 'RULED', ruling: '外人裁决', awardedDepartmentId: f('d2') } }) }),
  'GET /api/v1/disputes/{id}': R({ rule: 'J-11: the coordinator, the general manager, the heads of the parties (DisputesPolicy.read)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/disputes/${f('dispute')}` }) }),
  'POST /api/v1/meetings/{id}/pitch-consents': R({ rule: 'J-10: the holder of the invitation consents (PitchesPolicy.grantConsent: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/pitch-consents`, body: { customerId: f('customer'), employeeId: f('e2') } }) }),
  'POST /api/v1/meetings/{id}/pitches': R({ rule: 'J-10: the holder (or who has consent) presents (PitchesPolicy.start: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/meetings/${f('meeting')}/pitches`, body: { customerId: f('customer') } }) }),
  'POST /api/v1/pitches/{id}/end': R({ rule: 'J-10: who presents ends (PitchesPolicy.end: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/pitches/${f('pitch')}/end`, body: {} }) }),

  // ---- rewards (R-3; customer-access.ts: never another department's staff)
  'GET /api/v1/points/{customerId}': R({ rule: 'R-3, mayActForCustomer: owner, owner\'s head, company-wide roles, partners with points:read', dept: 'refused', meant: 'all', scopes: ['points:read'], rest: (f) => ({ path: `/api/v1/points/${f('referrer')}` }) }),
  'POST /api/v1/points/{customerId}/corrections': R({ rule: 'PointsPolicy.correct: ADMIN', dept: 'refused', meant: [], scopes: [], rest: (f) => ({ path: `/api/v1/points/${f('referrer')}/corrections`, body: { entryId: f('pointsEntry') } }) }),
  'POST /api/v1/points/{customerId}/redemptions': R({ rule: 'R-3, PointsPolicy.redeem (CRM_CLERK, DEPARTMENT_HEAD, GENERAL_MANAGER, points:write) and mayActForCustomer: a head only for their department\'s customers', dept: 'refused', meant: ['clerk', 'gm'], scopes: ['points:write'], known: 'a department head redeems points of another department\'s customer', rest: (f) => ({ path: `/api/v1/points/${f('referrer')}/redemptions`, body: { points: 10, gift: '外人礼品' }, headers: { 'idempotency-key': `matrix-${unique++}-${Date.now()}` } }) }),
  'GET /api/v1/fines': R({ rule: 'R-4, fine-visibility: one\'s own, a head their department\'s, GENERAL_MANAGER all', dept: 'filtered', meant: ['gm'], company: 'filtered', scopes: [], rest: (f) => ({ path: `/api/v1/fines?departmentId=${f('d1')}&employeeId=${f('e1')}` }) }),
  'GET /api/v1/fines/totals': R({ rule: 'R-4, fine-visibility: one\'s own, a head their department\'s, GENERAL_MANAGER all', dept: 'filtered', meant: ['gm'], company: 'filtered', scopes: [], rest: (f) => ({ path: `/api/v1/fines/totals?departmentId=${f('d1')}&employeeId=${f('e1')}` }) }),

  // ---- complaints (C-1 visibility: the employee concerned, their head, GENERAL_MANAGER, COORDINATOR)
  'POST /api/v1/complaints': R({ rule: 'C-1, filingRefusal: about oneself, a head about their department, the general manager\'s office; partners through PARTNER', dept: 'refused', meant: ['coordinator', 'gm'], scopes: ['complaints:write'], rest: (f) => ({ path: '/api/v1/complaints', body: { customerId: f('customer'), employeeId: f('e1'), cause: 'OTHER', channel: 'HOTLINE', description: '外人投诉' } }) }),
  'GET /api/v1/complaints': R({ rule: 'C-1 visibility (list filtered to the caller\'s scope)', dept: 'filtered', meant: ['coordinator', 'gm'], company: 'filtered', scopes: ['complaints:read'], rest: (f) => ({ path: `/api/v1/complaints?customerId=${f('customer')}&employeeId=${f('e1')}&departmentId=${f('d1')}` }) }),
  'GET /api/v1/complaints/{id}': R({ rule: 'C-1 visibility', dept: 'refused', meant: ['coordinator', 'gm'], scopes: ['complaints:read'], rest: (f) => ({ path: `/api/v1/complaints/${f('complaint')}` }) }),
  'POST /api/v1/complaints/{id}/resolution': R({ rule: 'C-5: those who see the complaint, not the employee concerned', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/complaints/${f('complaint')}/resolution`, body: { note: '外人处理' } }) }),
  'POST /api/v1/complaints/{id}/actions': R({ rule: 'C-5: those who see the complaint record what was done (ComplaintsPolicy.recordAction)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/complaints/${f('complaint')}/actions`, body: { note: '外人处理记录' } }) }),
  'POST /api/v1/complaints/{id}/reopening': R({ rule: 'C-5 reopening: the head, GENERAL_MANAGER, COORDINATOR', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/complaints/${f('resolvedComplaint')}/reopening`, body: { reason: '外人重开' } }) }),

  // ---- service-visits (V-1..V-4; readings P-1)
  'GET /api/v1/under-served': R({ rule: 'V-2, AdequacyPolicy: RESOURCE_DIRECTOR, GENERAL_MANAGER; heads their own department', dept: 'refused', head: 'filtered', meant: ['director', 'gm'], scopes: [], rest: (f) => ({ path: `/api/v1/under-served?departmentId=${f('d1')}` }) }),
  'GET /api/v1/visit-plans': R({ rule: 'V-3, staff-scope: an employee their own plans, a head their department\'s, company-wide roles anyone\'s', dept: 'filtered', meant: 'all', scopes: [], rest: (f) => ({ path: `/api/v1/visit-plans?customerId=${f('customer')}&employeeId=${f('e1')}&departmentId=${f('d1')}` }) }),
  'POST /api/v1/service-records': R({ rule: 'V-1: the customer\'s own department serves it (ServiceRecordsPolicy.record: EMPLOYEE, DEPARTMENT_HEAD)', dept: 'refused', meant: [], scopes: [], known: 'employees of another department create service records on a customer', rest: (f) => ({ path: '/api/v1/service-records', body: { customerId: f('customer'), category: 'REGULAR', kind: 'PHONE_CALL', notes: '外人记录' } }) }),
  'GET /api/v1/service-records': R({ rule: 'V-1, P-1: B may list A\'s records with the notes hidden (masked); readings only for the owner and their head; company-wide roles see notes (ServiceRecordsPolicy.list), never readings', dept: 'masked', meant: 'all', masked: ['clerk', 'coordinator', 'director', 'gm'], shows: ['serviceRecord', 'unsurveyedRecord'], companyShows: ['serviceNotes'], scopes: ['service-visits:read'], known: 'employees of another department read a customer\'s service notes', rest: (f) => ({ path: `/api/v1/service-records?customerId=${f('customer')}` }) }),
  'POST /api/v1/surveys': R({ rule: 'V-4: a survey of A\'s visit is taken by A or the company (SurveysPolicy.submit)', dept: 'refused', meant: 'all', scopes: ['service-visits:write'], rest: (f) => ({ path: '/api/v1/surveys', body: { customerId: f('customer'), subjectType: 'VISIT', subjectId: f('unsurveyedRecord'), score: 1, comment: '外人打分' } }) }),
  'GET /api/v1/surveys/averages': R({ rule: 'V-4, staff-scope: an employee their own, a head their department\'s, company-wide roles anyone\'s', dept: 'filtered', meant: 'all', scopes: [], rest: (f) => ({ path: `/api/v1/surveys/averages?from=2031-03-01&to=2031-03-31&departmentId=${f('d1')}&employeeId=${f('e1')}` }) }),

  // ---- GraphQL: queries
  'Query.customer': R({ rule: 'P-1 (as GET /api/v1/customers/{id})', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { customer(id: $id) { id name phone ownerId address } }', variables: { id: f('customer') } }) }),
  'Query.customers': R({ rule: 'P-1 (as GET /api/v1/customers): A\'s customers with phones masked for B', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], graphql: (f) => ({ query: 'query($o: ID) { customers(first: 20, filter: { ownerId: $o }) { nodes { id name phone } } }', variables: { o: f('e1') } }) }),
  'Query.employees': R({ rule: 'OrganisationPolicy.read', dept: 'open', meant: 'all', scopes: ['customers:read'], graphql: (f) => ({ query: 'query($d: ID) { employees(departmentId: $d) { id name } }', variables: { d: f('d1') } }) }),
  'Query.auditEntries': R({ rule: 'P-2 (as GET /api/v1/audit): the general manager\'s and the admin\'s', dept: 'refused', meant: ['gm'], scopes: [], graphql: (f) => ({ query: 'query($c: ID, $a: ID) { auditEntries(filter: { customerId: $c, actorId: $a }, first: 20) { edges { node { id actorId customerId action } } } }', variables: { c: f('customer'), a: f('e1') } }) }),
  'Query.department': R({ rule: 'OrganisationPolicy.read: any employee (as GET /api/v1/departments/{id})', dept: 'open', meant: 'all', scopes: ['customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { department(id: $id) { id name code headId } }', variables: { id: f('d1') } }) }),
  'Query.employee': R({ rule: 'OrganisationPolicy.read: any employee (as GET /api/v1/employees/{id})', dept: 'open', meant: 'all', scopes: ['customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { employee(id: $id) { id name role departmentId } }', variables: { id: f('e1') } }) }),
  'Query.customerHistory': R({ rule: 'P-1 (as GET /api/v1/customers/{id}/history): shown masked to B', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: ['customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { customerHistory(id: $id, first: 50) { edges { node { id kind from to cause at } } } }', variables: { id: f('customer') } }) }),
  'Query.complaints': R({ rule: 'C-1 visibility (as GET /api/v1/complaints: filtered to the caller\'s scope)', dept: 'filtered', meant: ['coordinator', 'gm'], company: 'filtered', scopes: ['complaints:read'], graphql: (f) => ({ query: 'query($c: ID, $e: ID, $d: ID) { complaints(filter: { customerId: $c, employeeId: $e, departmentId: $d }, first: 50) { edges { node { id description customerId status } } } }', variables: { c: f('customer'), e: f('e1'), d: f('d1') } }) }),
  'Query.serviceRecords': R({ rule: 'V-1, P-1 (as GET /api/v1/service-records): notes hidden from B, readings only for the owner and their head', dept: 'masked', meant: 'all', masked: ['clerk', 'coordinator', 'director', 'gm'], shows: ['serviceRecord', 'unsurveyedRecord'], companyShows: ['serviceNotes'], scopes: ['service-visits:read'], known: 'employees of another department read a customer\'s service notes', graphql: (f) => ({ query: 'query($c: ID!) { serviceRecords(customerId: $c, first: 50) { edges { node { id notes notesHidden hasReadings readings { systolic diastolic } } } } }', variables: { c: f('customer') } }) }),
  'Query.meeting': R({ rule: 'MeetingsPolicy.read: the company calendar', dept: 'open', meant: 'all', scopes: ['campaigns:read'], graphql: (f) => ({ query: 'query($id: ID!) { meeting(id: $id) { id date venue departmentIds } }', variables: { id: f('meeting') } }) }),
  // campaigns and rewards (issue 14: the GraphQL twins of the REST rows above, the same rules)
  'Query.meetingsConnection': R({ rule: 'MeetingsPolicy.read (as GET /api/v1/meetings): the company calendar', dept: 'open', meant: 'all', scopes: ['campaigns:read'], graphql: (f) => ({ query: 'query($d: ID) { meetingsConnection(departmentId: $d, first: 20) { edges { node { id date venue departmentIds } } } }', variables: { d: f('d1') } }) }),
  'Query.outreachEvent': R({ rule: 'OutreachPolicy.read (as GET /api/v1/outreach-events/{id}): any employee', dept: 'open', meant: 'all', scopes: [], graphql: (f) => ({ query: 'query($id: ID!) { outreachEvent(id: $id) { id departmentId date participantIds } }', variables: { id: f('outreachEvent') } }) }),
  'Query.invitation': R({ rule: 'J-2 (as GET /api/v1/invitations/{id})', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($id: ID!) { invitation(id: $id) { id customerId departmentId status } }', variables: { id: f('invitation') } }) }),
  'Query.meetingInvitations': R({ rule: 'J-2 (as GET /api/v1/meetings/{id}/invitations): its departments\'', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($m: ID!) { meetingInvitations(meetingId: $m, first: 50) { edges { node { id customerId departmentId } } } }', variables: { m: f('meeting') } }) }),
  'Query.meetingSheets': R({ rule: 'J-3 (as GET /api/v1/meetings/{id}/sheets): a department its own', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($m: ID!) { meetingSheets(meetingId: $m) { edges { node { id departmentId customerIds } } } }', variables: { m: f('meeting') } }) }),
  'Query.meetingReconciliations': R({ rule: 'J-8 (as GET /api/v1/meetings/{id}/reconciliations): the coordinator and the heads of the participating departments', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($m: ID!, $day: String) { meetingReconciliations(meetingId: $m, day: $day) { edges { node { day report } } } }', variables: { m: f('meeting'), day: f('reconciliation') } }) }),
  'Query.sale': R({ rule: 'J-10 (as GET /api/v1/sales/{id})', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($id: ID!) { sale(id: $id) { id customerId amountFen creditedDepartmentId } }', variables: { id: f('sale') } }) }),
  'Query.meetingSales': R({ rule: 'J-10 (as GET /api/v1/meetings/{id}/sales): those credited to the department', dept: 'filtered', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($m: ID!) { meetingSales(meetingId: $m, first: 50) { edges { node { id customerId amountFen } } } }', variables: { m: f('meeting') } }) }),
  'Query.dispute': R({ rule: 'J-11 (as GET /api/v1/disputes/{id})', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($id: ID!) { dispute(id: $id) { id description customerId partyEmployeeIds } }', variables: { id: f('dispute') } }) }),
  'Query.fines': R({ rule: 'R-4, fine-visibility (as GET /api/v1/fines)', dept: 'filtered', meant: ['gm'], company: 'filtered', scopes: [], graphql: (f) => ({ query: 'query($d: ID, $e: ID) { fines(departmentId: $d, employeeId: $e, first: 50) { edges { node { id employeeId departmentId amountFen rule } } } }', variables: { d: f('d1'), e: f('e1') } }) }),
  'Query.fineTotals': R({ rule: 'R-4, fine-visibility (as GET /api/v1/fines/totals)', dept: 'filtered', meant: ['gm'], company: 'filtered', scopes: [], graphql: (f) => ({ query: 'query($d: ID, $e: ID) { fineTotals(departmentId: $d, employeeId: $e) { employeeId departmentId count totalFen } }', variables: { d: f('d1'), e: f('e1') } }) }),
  'Query.complaint': R({ rule: 'C-1 visibility', dept: 'refused', meant: ['coordinator', 'gm'], scopes: ['complaints:read'], graphql: (f) => ({ query: 'query($id: ID!) { complaint(id: $id) { id description customerId status } }', variables: { id: f('complaint') } }) }),
  'Query.pointsAccount': R({ rule: 'R-3, mayActForCustomer', dept: 'refused', meant: 'all', scopes: ['points:read'], graphql: (f) => ({ query: 'query($id: ID!) { pointsAccount(customerId: $id) { customerId balance entries { id } } }', variables: { id: f('referrer') } }) }),
  'Query.satisfaction': R({ rule: 'V-4, staff-scope (company-wide roles anyone\'s)', dept: 'filtered', meant: 'all', scopes: [], graphql: (f) => ({ query: 'query($d: ID, $e: ID) { satisfaction(departmentId: $d, employeeId: $e, from: "2031-03-01", to: "2031-03-31") { employees { employeeId averageScore surveys } departments { departmentId averageScore surveys } } }', variables: { d: f('d1'), e: f('e1') } }) }),
  'Query.underServedCustomers': R({ rule: 'V-2, AdequacyPolicy', dept: 'refused', head: 'filtered', meant: ['director', 'gm'], scopes: [], graphql: (f) => ({ query: 'query($d: ID) { underServedCustomers(departmentId: $d) { items { customerId customer { name phone } } } }', variables: { d: f('d1') } }) }),
  'Query.visitPlans': R({ rule: 'V-3, staff-scope (company-wide roles anyone\'s)', dept: 'filtered', meant: 'all', scopes: [], graphql: (f) => ({ query: 'query($e: ID) { visitPlans(employeeId: $e) { items { id customerId customer { name phone } } } }', variables: { e: f('e1') } }) }),

  // ---- GraphQL: mutations
  'Query.archiveBatch': R({ rule: 'ArchivesPolicy.read (as GET /api/v1/archive-batches/{id}): every employee inspects a batch, no full phones (P-1); no partner', dept: 'masked', meant: ['clerk', 'director', 'gm'], masked: ['coordinator'], scopes: [], graphql: (f) => ({ query: 'query($id: ID!) { archiveBatch(id: $id) { id accepted customers { customerId row } duplicates { customerId } } }', variables: { id: f('archiveBatch') } }) }),
  'Mutation.importArchiveBatch': R({ rule: 'ArchivesPolicy.submit (as POST /api/v1/archive-batches): CRM_CLERK, ADMIN', dept: 'refused', meant: ['clerk'], scopes: [], graphql: (f) => ({ query: 'mutation($e: ID!, $p: String!) { importArchiveBatch(input: { outreachEventId: $e, records: [{ name: "外人档案", phone: $p }] }) { id } }', variables: { e: f('outreachEvent'), p: nextPhone() } }) }),
  'Mutation.allocateArchiveBatch': R({ rule: 'O-4 (as POST /api/v1/archive-batches/{id}/allocation): the head of the organising department (ArchivesPolicy.allocate)', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { allocateArchiveBatch(id: $id) { batchId } }', variables: { id: f('archiveBatch') } }) }),
  'Mutation.setEmployeePassword': R({ rule: 'IdentityPolicy.setPassword (as PUT /api/v1/employees/{id}/password): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { setEmployeePassword(id: $id, input: { password: "an outsider sets it" }) }', variables: { id: f('e1b') } }) }),
  'Mutation.revokeApiKey': R({ rule: 'AccessPolicy.manageApiKeys (as DELETE /api/v1/api-keys/{id}): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', variables: { id: f('spareKey') } }) }),
  'Mutation.updateDepartment': R({ rule: 'OrganisationPolicy.updateDepartment (as PATCH /api/v1/departments/{id}): ADMIN, GENERAL_MANAGER', dept: 'refused', meant: ['gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!, $h: ID) { updateDepartment(id: $id, input: { headId: $h }) { id headId } }', variables: { id: f('d1'), h: f('e2') } }) }),
  'Mutation.createEmployee': R({ rule: 'OrganisationPolicy.createEmployee (as POST /api/v1/employees): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($d: ID) { createEmployee(input: { name: "外人", role: EMPLOYEE, departmentId: $d }) { id } }', variables: { d: f('d1') } }) }),
  'Mutation.updateEmployee': R({ rule: 'OrganisationPolicy.updateEmployee (as PATCH /api/v1/employees/{id}): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { updateEmployee(id: $id, input: { name: "外人改名" }) { id name } }', variables: { id: f('e1b') } }) }),
  'Mutation.deactivateEmployee': R({ rule: 'OrganisationPolicy.deactivateEmployee (as POST /api/v1/employees/{id}/deactivation): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { deactivateEmployee(id: $id) { employee { id } reassigned { employeeId customers } } }', variables: { id: f('e1b') } }) }),
  'Mutation.updateCustomer': R({ rule: 'mayEditCustomer', dept: 'refused', meant: ['clerk', 'director', 'gm'], scopes: ['customers:write'], graphql: (f) => ({ query: 'mutation($id: ID!) { updateCustomer(id: $id, input: { address: "外人地址" }) { id name phone } }', variables: { id: f('customer') } }) }),
  'Mutation.transferCustomer': R({ rule: 'CustomersPolicy.transfer: RESOURCE_DIRECTOR; V-2: the general manager for under-served customers', dept: 'refused', meant: ['director', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!, $to: ID!) { transferCustomer(id: $id, toEmployeeId: $to, reason: "外人转移") { id ownerId phone } }', variables: { id: f('customer'), to: f('e1b') } }) }),
  'Mutation.eraseCustomer': R({ rule: 'P-3 (PersonalDataPolicy.eraseCustomer: GENERAL_MANAGER, ADMIN)', dept: 'refused', meant: ['gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { eraseCustomer(id: $id, reason: "外人删除") { customerId status } }', variables: { id: f('customer') } }) }),
  'Mutation.registerCustomer': R({ rule: 'as POST /api/v1/customers: the referrer\'s personal data not shown', dept: 'masked', meant: 'all', scopes: ['customers:write'], graphql: (f) => ({ query: 'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id referrerId referrer { name phone } } }', variables: { input: { name: '新顾客', phone: nextPhone(), source: 'WALK_IN', referrerId: f('customer') } } }) }),
  'Mutation.inviteCustomer': R({ rule: 'J-2', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id status } }', variables: { m: f('laterMeeting'), c: f('customer') } }) }),
  'Mutation.confirmInvitation': R({ rule: 'J-2', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { confirmInvitation(id: $id) { id status customerId } }', variables: { id: f('invitation') } }) }),
  'Mutation.submitSheet': R({ rule: 'J-3, maySubmitFor', dept: 'refused', meant: ['coordinator'], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $d: ID!, $c: ID!) { submitSheet(meetingId: $m, input: { departmentId: $d, customerIds: [$c] }) { id locked } }', variables: { m: f('meeting'), d: f('d1'), c: f('customer') } }) }),
  'Mutation.checkIn': R({ rule: 'J-9', dept: 'refused', meant: ['coordinator'], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $c: ID!) { checkIn(meetingId: $m, input: { customerId: $c }) { customerId departmentId } }', variables: { m: f('meeting'), c: f('customer2') } }) }),
  'Mutation.recordSale': R({ rule: 'J-10', dept: 'refused', meant: ['coordinator'], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $c: ID!) { recordSale(meetingId: $m, input: { customerId: $c, amountFen: 100 }) { id creditedDepartmentId } }', variables: { m: f('meeting'), c: f('customer') } }) }),
  'Mutation.refundSale': R({ rule: 'J-10', dept: 'refused', meant: ['coordinator'], scopes: [], graphql: (f) => ({ query: 'mutation($s: ID!) { refundSale(saleId: $s, input: { amountFen: 100 }) { id saleId } }', variables: { s: f('sale') } }) }),
  'Mutation.recordOutreachEvent': R({ rule: 'O-1, mayRecordFor (as POST /api/v1/outreach-events)', dept: 'refused', meant: ['clerk', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($d: ID!, $p: ID!) { recordOutreachEvent(input: { departmentId: $d, date: "2031-03-04", participantIds: [$p] }) { id } }', variables: { d: f('d1'), p: f('e1') } }) }),
  'Mutation.scheduleMeeting': R({ rule: 'J-1, mayScheduleFor (as POST /api/v1/meetings)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($d: ID!) { scheduleMeeting(input: { date: "2031-03-20", slot: EVENING, venue: "外人安排", departmentIds: [$d] }) { id } }', variables: { d: f('d1') } }) }),
  'Mutation.grantPitchConsent': R({ rule: 'J-10 (as POST /api/v1/meetings/{id}/pitch-consents)', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $c: ID!, $e: ID!) { grantPitchConsent(meetingId: $m, input: { customerId: $c, employeeId: $e }) { customerId assistantId } }', variables: { m: f('meeting'), c: f('customer'), e: f('e2') } }) }),
  'Mutation.startPitch': R({ rule: 'J-10 (as POST /api/v1/meetings/{id}/pitches)', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $c: ID!) { startPitch(meetingId: $m, input: { customerId: $c }) { id customerId } }', variables: { m: f('meeting'), c: f('customer') } }) }),
  'Mutation.endPitch': R({ rule: 'J-10 (as POST /api/v1/pitches/{id}/end)', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { endPitch(id: $id) { id customerId } }', variables: { id: f('pitch') } }) }),
  'Mutation.raiseDispute': R({ rule: 'J-11 (as POST /api/v1/meetings/{id}/disputes)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($m: ID!, $a: ID!, $b: ID!, $c: ID) { raiseDispute(meetingId: $m, input: { partyEmployeeIds: [$a, $b], customerId: $c, description: "外人争执", arguedInFrontOfCustomers: false }) { id } }', variables: { m: f('meeting'), a: f('e1'), b: f('e2'), c: f('customer') } }) }),
  'Mutation.ruleOnDispute': R({ rule: 'J-11 (as POST /api/v1/disputes/{id}/ruling)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!, $d: ID) { ruleOnDispute(id: $id, input: { outcome: RULED, ruling: "外人裁决", awardedDepartmentId: $d }) { id description } }', variables: { id: f('dispute'), d: f('d2') } }) }),
  'Mutation.correctPointsEntry': R({ rule: 'PointsPolicy.correct (as POST /api/v1/points/{customerId}/corrections): ADMIN', dept: 'refused', meant: [], scopes: [], graphql: (f) => ({ query: 'mutation($c: ID!, $e: ID!) { correctPointsEntry(customerId: $c, entryId: $e) { correctedEntryId balance } }', variables: { c: f('referrer'), e: f('pointsEntry') } }) }),
  'Mutation.fileComplaint': R({ rule: 'C-1, filingRefusal', dept: 'refused', meant: ['coordinator', 'gm'], scopes: ['complaints:write'], graphql: (f) => ({ query: 'mutation($c: ID!, $e: ID) { fileComplaint(input: { customerId: $c, employeeId: $e, cause: OTHER, channel: HOTLINE, description: "外人投诉" }) { id customerId } }', variables: { c: f('customer'), e: f('e1') } }) }),
  'Mutation.resolveComplaint': R({ rule: 'C-5', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { resolveComplaint(id: $id, note: "外人处理") { id status description } }', variables: { id: f('complaint') } }) }),
  'Mutation.recordComplaintAction': R({ rule: 'C-5 (as POST /api/v1/complaints/{id}/actions)', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { recordComplaintAction(id: $id, note: "外人处理记录") { id complaintId note } }', variables: { id: f('complaint') } }) }),
  'Mutation.approveTakeover': R({ rule: 'V-2 (as POST /api/v1/takeover-reports/{id}/approval): the resource director decides', dept: 'refused', meant: ['director'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { approveTakeover(id: $id) { id status customerId } }', variables: { id: f('takeoverReport') } }) }),
  'Mutation.declineTakeover': R({ rule: 'V-2 (as POST /api/v1/takeover-reports/{id}/decline): the resource director decides', dept: 'refused', meant: ['director'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { declineTakeover(id: $id, reason: "外人拒绝") { id status customerId } }', variables: { id: f('takeoverReport') } }) }),
  'Mutation.reopenComplaint': R({ rule: 'C-5 reopening', dept: 'refused', meant: ['coordinator', 'gm'], scopes: [], graphql: (f) => ({ query: 'mutation($id: ID!) { reopenComplaint(id: $id, reason: "外人重开") { id status description } }', variables: { id: f('resolvedComplaint') } }) }),
  'Mutation.redeemPoints': R({ rule: 'R-3, PointsPolicy.redeem and mayActForCustomer', dept: 'refused', meant: ['clerk', 'gm'], scopes: ['points:write'], known: 'a department head redeems points of another department\'s customer', graphql: (f) => ({ query: 'mutation($c: ID!, $k: String!) { redeemPoints(customerId: $c, gift: "外人礼品", points: 10, idempotencyKey: $k) { id balance } }', variables: { c: f('referrer'), k: `matrix-gql-${unique++}-${Date.now()}` } }) }),
  'Mutation.recordService': R({ rule: 'V-1: the customer\'s own department', dept: 'refused', meant: [], scopes: [], known: 'employees of another department create service records on a customer', graphql: (f) => ({ query: 'mutation($c: ID!) { recordService(input: { customerId: $c, category: REGULAR, kind: PHONE_CALL, notes: "外人记录" }) { id customerId } }', variables: { c: f('customer') } }) }),
  'Mutation.submitSurvey': R({ rule: 'V-4', dept: 'refused', meant: 'all', scopes: ['service-visits:write'], graphql: (f) => ({ query: 'mutation($c: ID!, $s: ID!) { submitSurvey(input: { customerId: $c, subjectType: VISIT, subjectId: $s, score: 1, comment: "外人打分" }) { id employeeId } }', variables: { c: f('customer'), s: f('unsurveyedRecord') } }) }),

  // ---- GraphQL: entity fields resolved from the customer's id by another subgraph
  'Customer.invitations': R({ rule: 'J-2: a customer\'s invitations are the inviting departments\' (InvitationsPolicy.readOfCustomer)', dept: 'filtered', meant: ['coordinator', 'gm'], company: 'filtered', scopes: ['campaigns:read', 'customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { customer(id: $id) { id invitations { id meetingId departmentId } } }', variables: { id: f('customer') } }) }),
  'Customer.complaints': R({ rule: 'C-1 visibility (ComplaintsPolicy.customerComplaints)', dept: 'filtered', meant: ['coordinator', 'gm'], company: 'filtered', scopes: ['complaints:read', 'customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { customer(id: $id) { id complaints { id description } } }', variables: { id: f('customer') } }) }),
  'Customer.points': R({ rule: 'R-3, mayActForCustomer: B gets no account (FORBIDDEN, or a null field: the entity field is nullable)', dept: 'filtered', meant: 'all', scopes: ['points:read', 'customers:read'], graphql: (f) => ({ query: 'query($id: ID!) { customer(id: $id) { id points { balance entries { id } } } }', variables: { id: f('referrer') } }) }),
  'Customer.serviceRecords': R({ rule: 'V-1, P-1: as GET /api/v1/service-records: masked for B (notes hidden), no readings in the graph', dept: 'masked', meant: 'all', masked: ['clerk', 'coordinator', 'director', 'gm'], shows: ['serviceRecord', 'unsurveyedRecord'], companyShows: ['serviceNotes'], scopes: ['service-visits:read', 'customers:read'], known: 'employees of another department read a customer\'s service notes', graphql: (f) => ({ query: 'query($id: ID!) { customer(id: $id) { id serviceRecords { id notes hasReadings } } }', variables: { id: f('customer') } }) }),
};

// ---------------------------------------------------------------------------------------------------------------
// Deriving the operations from the running suite

const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'] as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ID_NAME = /^(id|[a-z][A-Za-z]*Ids?)$/;

type OpenApiSchema = { $ref?: string; properties?: Record<string, OpenApiSchema>; allOf?: OpenApiSchema[]; items?: OpenApiSchema };
type OpenApiDocument = {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> } }>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
};

function bodyProperties(schema: OpenApiSchema | undefined, doc: OpenApiDocument, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return bodyProperties(doc.components?.schemas?.[name], doc, seen);
  }
  return [...Object.keys(schema.properties ?? {}), ...(schema.allOf ?? []).flatMap((s) => bodyProperties(s, doc, seen))];
}

/** `METHOD /path` of every operation of a service's document that names an object by id (path, query or body). */
function restOperationsWithIds(doc: OpenApiDocument): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).filter((p) => ['path', 'query'].includes(p.in)).map((p) => p.name);
      const body = Object.values(op.requestBody?.content ?? {}).flatMap((c) => bodyProperties(c.schema, doc));
      if ([...params, ...body].some((name) => ID_NAME.test(name))) found.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return found;
}

function takesId(type: GraphQLType, seen = new Set<GraphQLNamedType>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values((named as GraphQLInputObjectType).getFields()).some((field) => takesId(field.type, seen));
}

const graphsOf = (node: ObjectTypeDefinitionNode, directive: string, extra?: (args: Map<string, string>) => boolean) =>
  (node.directives ?? [])
    .filter((d) => d.name.value === directive)
    .map((d) => new Map((d.arguments ?? []).map((a) => [a.name.value, a.value.kind === Kind.ENUM || a.value.kind === Kind.STRING ? a.value.value : a.value.kind === Kind.BOOLEAN ? String(a.value.value) : ''])))
    .filter((args) => !extra || extra(args))
    .map((args) => args.get('graph')!);

/**
 * `Type.field` of every Query and Mutation field that takes an ID (argument or inside an input), every entity
 * field with an ID argument, and every field of an entity that a subgraph resolves from the entity's key while
 * the root field that reaches the entity lives in another subgraph (`Customer.points`: rewards answers it for
 * the customer's id).
 */
function graphqlOperationsWithIds(sdl: string): string[] {
  const document: DocumentNode = parse(sdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const found = new Set<string>();
  for (const root of ['Query', 'Mutation']) {
    const type = schema.getType(root) as { getFields(): Record<string, { args: readonly { type: GraphQLType }[] }> } | undefined;
    for (const [name, field] of Object.entries(type?.getFields() ?? {})) if (field.args.some((a) => takesId(a.type))) found.add(`${root}.${name}`);
  }
  const rootGraphs = new Map<string, Set<string>>();
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  for (const root of objects.filter((o) => ['Query', 'Mutation'].includes(o.name.value))) {
    for (const field of root.fields ?? []) {
      let t = field.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      const graphs = rootGraphs.get(t.name.value) ?? new Set<string>();
      for (const g of graphsOf(field as unknown as ObjectTypeDefinitionNode, 'join__field')) graphs.add(g);
      rootGraphs.set(t.name.value, graphs);
    }
  }
  for (const object of objects) {
    if (['Query', 'Mutation'].includes(object.name.value)) continue;
    const keyed = new Set(graphsOf(object, 'join__type', (args) => args.has('key') && args.get('resolvable') !== 'false'));
    for (const field of object.fields ?? []) {
      const fieldName = `${object.name.value}.${field.name.value}`;
      if ((field.arguments ?? []).some((a) => {
        let t = a.type;
        while (t.kind !== Kind.NAMED_TYPE) t = t.type;
        return t.name.value === 'ID';
      })) found.add(fieldName);
      if (keyed.size < 2 || !rootGraphs.has(object.name.value)) continue;
      const graphs = graphsOf(field as unknown as ObjectTypeDefinitionNode, 'join__field');
      if (graphs.some((g) => keyed.has(g) && !rootGraphs.get(object.name.value)!.has(g))) found.add(fieldName);
    }
  }
  return [...found];
}

// ---------------------------------------------------------------------------------------------------------------

describe('suite: object-level access, for every operation that names an object', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, employee, twoDepartments } = session;
  const restOps = new Map<string, string>();
  let graphqlOps: string[] = [];
  const fixtures: Partial<Fixtures> = {};
  const unbuilt: Partial<Record<FixtureKey, string>> = {};
  const tokens = {} as Record<'e1' | 'head1' | 'e2' | 'head2' | 'e3' | CompanyRole, Record<string, string>>;
  const phones = { customer: '13912340001', referrer: '13912340002', archive: '13912340003', customer2: '13912340004', neglected: '13912340005' };
  const partnerKeys = new Map<string, string>();

  /** Keys are issued by customers and learnt by the other services, so they are made before the fixtures. */
  async function createPartnerKey(without: PartnerScope[]): Promise<void> {
    const holding = PARTNER_SCOPES.filter((s) => !without.includes(s));
    const created = await post('/api/v1/api-keys', { name: `without ${without.join(',') || 'nothing'}`, scopes: holding });
    if (created.status !== 201) throw new Error(`a partner key with ${holding.join(',')}: ${created.status} ${JSON.stringify(created.body)}`);
    partnerKeys.set(holding.join(','), created.body.key);
  }

  /** The log lines of the request behind an unexpected 5xx, so a failed fixture says what broke. */
  const logOf = (res: SuiteResponse) => {
    const id = res.body?.requestId;
    if (res.status < 500 || !id) return '';
    const lines = ['gateway', ...SERVICES].flatMap((p) => suite.output(p).split('\n').filter((l) => l.includes(id) && /error|Error|stack/.test(l)));
    return lines.length ? ` log: ${lines.join(' | ').slice(0, 800)}` : '';
  };

  const fail = (key: FixtureKey, what: string, res: SuiteResponse | string) => {
    delete fixtures[key];
    unbuilt[key] = `${what}: ${typeof res === 'string' ? res : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}${logOf(res)}`}`;
  };
  /** One fixture step: its result when the suite answered as expected, otherwise noted (with why) and undefined. */
  async function build<K extends FixtureKey>(key: K, what: string, step: () => Promise<SuiteResponse>, ok: number, pick: (body: any) => Fixtures[K] = (b) => b.id): Promise<void> {
    try {
      const res = await step();
      if (res.status === ok && pick(res.body)) fixtures[key] = pick(res.body);
      else fail(key, what, res);
    } catch (error) {
      fail(key, what, String(error));
    }
  }

  beforeAll(async () => {
    const never = '0 0 1 1 *';
    suite = await startSuite({
      services: [...SERVICES],
      env: { SHEET_CUTOFF_CRON: never, LEDGER_AUDIT_CRON: never, COMPLAINT_SLA_CRON: never, ADEQUACY_CRON: never, VISIT_PLANS_CRON: never, CLASSIFICATION_CRON: never },
    });
    api = session.connect(suite);

    // The operations, as the running services describe them.
    for (const service of SERVICES) {
      const res = await fetch(`${suite.serviceUrls[service]}/api/docs/openapi.json`);
      if (res.status !== 200) throw new Error(`${service} serves no OpenAPI document: ${res.status}`);
      for (const op of restOperationsWithIds((await res.json()) as OpenApiDocument)) if (!restOps.has(op)) restOps.set(op, service);
    }
    graphqlOps = graphqlOperationsWithIds(readFileSync(resolve(__dirname, '../../apps/gateway/supergraph.graphql'), 'utf8'));

    // Partner keys first: every scope set the rows refuse (the other services learn keys from customers).
    for (const scopes of new Set(Object.values(MATRIX).map((row) => JSON.stringify(row.scopes)))) await createPartnerKey(JSON.parse(scopes));

    // The company: 一部 (A) and 二部 (B) from the session, 三部 joins 一部's meeting (so 二部 is out of it).
    await at('2030-11-01T09:00:00+08:00');
    const ids = await twoDepartments({ d1: { e1: '甲员工', e1b: '甲员工二' }, d2: { e2: '乙员工' } });
    Object.assign(fixtures, { d1: ids.d1, d2: ids.d2, e1: ids.e1, e1b: ids.e1b, e2: ids.e2, head1: ids.head1 });
    fixtures.d3 = await session.department('三部', 'D3');
    const head3 = await employee('丙部长', 'DEPARTMENT_HEAD', fixtures.d3);
    fixtures.e3 = await employee('丙员工', 'EMPLOYEE', fixtures.d3);
    await session.appointHeads([[fixtures.d3, head3]]);
    const company = {} as Record<CompanyRole, string>;
    for (const role of Object.keys(COMPANY_ROLES) as CompanyRole[]) company[role] = await employee(`公司${role}`, COMPANY_ROLES[role]);
    for (const who of ['e1', 'head1', 'e2', 'head2', 'e3'] as const) tokens[who] = await tokenOf(who === 'e3' ? fixtures.e3! : who === 'head2' ? ids.head2 : ids[who]);
    for (const role of Object.keys(COMPANY_ROLES) as CompanyRole[]) tokens[role] = await tokenOf(company[role]);

    // A's customers (owner 甲员工): one from November 2030, under-served by March (V-2), the others new.
    await build('neglected', 'under-served customer of A', () => post('/api/v1/customers', { name: MARKERS.neglectedName, phone: phones.neglected, source: 'WALK_IN' }, tokens.e1), 201);
    await at('2031-03-03T09:00:00+08:00');
    await build('customer2', 'second customer of A', () => post('/api/v1/customers', { name: MARKERS.customer2Name, phone: phones.customer2, source: 'WALK_IN' }, tokens.e1), 201);
    await build('customer', 'customer of A', () => post('/api/v1/customers', { name: MARKERS.customerName, phone: phones.customer, source: 'WALK_IN', address: MARKERS.address }, tokens.e1), 201);
    await build('referrer', 'referrer of A', () => post('/api/v1/customers', { name: MARKERS.referrerName, phone: phones.referrer, source: 'WALK_IN' }, tokens.e1), 201);
    const need = (key: FixtureKey) => {
      if (fixtures[key] === undefined) throw new Error(`needs ${key}`);
      return fixtures[key] as string;
    };

    // A spare partner key to revoke. (A key without any scope cannot be issued: 400 VALIDATION_FAILED, "scopes must
    // contain at least 1 elements"; the partner of each row holds every scope but the operation's.)
    await build('spareKey', 'a spare partner key', () => post('/api/v1/api-keys', { name: 'spare', scopes: ['customers:read'] }), 201);

    // A joint meeting of 一部 and 三部 on Wednesday afternoon; 甲员工 invites and confirms the customer.
    await build('meeting', 'joint meeting of A (and 三部)', () =>
      eventually(() => post('/api/v1/meetings', { date: '2031-03-05', slot: 'AFTERNOON', venue: '甲部会场', departmentIds: [need('d1'), need('d3')] }, tokens.head1), (r) => r.status === 201), 201);
    await build('invitation', 'invitation of the customer', () =>
      eventually(() => post(`/api/v1/meetings/${need('meeting')}/invitations`, { customerId: need('customer') }, tokens.e1), (r) => r.status === 201), 201);
    if (fixtures.invitation) {
      const confirmed = await post(`/api/v1/invitations/${fixtures.invitation}/confirm`, {}, tokens.e1);
      if (confirmed.status !== 200) fail('invitation', 'confirming the invitation', confirmed);
    }
    await build('customer2', 'invitation of the second customer', async () => {
      const invited = await eventually(() => post(`/api/v1/meetings/${need('meeting')}/invitations`, { customerId: need('customer2') }, tokens.e1), (r) => r.status === 201);
      return invited.status === 201 ? post(`/api/v1/invitations/${invited.body.id}/confirm`, {}, tokens.e1) : invited;
    }, 200, () => fixtures.customer2!);
    await build('laterMeeting', 'a later joint meeting of A (and 三部)', () => post('/api/v1/meetings', { date: '2031-03-12', slot: 'AFTERNOON', venue: '甲部会场二', departmentIds: [need('d1'), need('d3')] }, tokens.head1), 201);
    // V-2: 90 days without service, so 三部's employee may invite her to 三部's own meeting: a takeover report.
    await build('takeoverReport', 'takeover report (V-2) about A\'s under-served customer', async () => {
      const adequacy = await post('/api/v1/admin/sweeps/service-adequacy', {});
      if (adequacy.status !== 200) return adequacy;
      const own = await post('/api/v1/meetings', { date: '2031-03-10', slot: 'EVENING', venue: '三部活动室', departmentIds: [need('d3')] }, await tokenOf(head3));
      if (own.status !== 201) return own;
      const invited = await eventually(() => post(`/api/v1/meetings/${own.body.id}/invitations`, { customerId: need('neglected') }, tokens.e3), (r) => r.status === 201);
      if (invited.status !== 201) return invited;
      return eventually(() => get('/api/v1/takeover-reports', tokens.director), (r) => r.status === 200 && (r.body.items ?? r.body.nodes ?? []).length > 0);
    }, 200, (b) => (b.items ?? b.nodes ?? [])[0]?.id);
    // 17:00 一部's sheet lists the customer (locked, J-4); the 18:01 reconciliation (J-8) reports the day.
    await at('2031-03-03T17:00:00+08:00');
    await build('sheet', 'daily sheet of A', () => post(`/api/v1/meetings/${need('meeting')}/sheets`, { departmentId: need('d1'), customerIds: [need('customer')] }, tokens.head1), 201);
    await at('2031-03-03T18:01:00+08:00');
    await build('reconciliation', 'the reconciliation of the day (sheet-cutoff sweep, J-8)', () => post('/api/v1/admin/sweeps/sheet-cutoff', {}), 200, (b) =>
      b.result?.reconciled?.find((r: { meetingId: string }) => r.meetingId === fixtures.meeting)?.day);

    // Tuesday: an outreach event of 一部 and its archives (left unallocated), complaints, a service with readings, a survey.
    await at('2031-03-04T10:00:00+08:00');
    await build('outreachEvent', 'outreach event of A', () => post('/api/v1/outreach-events', { departmentId: need('d1'), date: '2031-03-04', participantIds: [need('e1'), need('e1b')] }, tokens.head1), 201);
    await build('archiveBatch', 'archive batch of A\'s outreach event', () =>
      eventually(() => post('/api/v1/archive-batches', { outreachEventId: need('outreachEvent'), records: [{ name: MARKERS.archiveName, phone: phones.archive }] }, tokens.clerk), (r) => r.status === 201), 201);
    await build('complaint', 'complaint about A\'s employee', () =>
      eventually(() => post('/api/v1/complaints', { customerId: need('customer'), employeeId: need('e1'), cause: 'SERVICE_NOT_IN_PLACE', channel: 'DISCOVERED', description: MARKERS.complaintText }, tokens.head1), (r) => r.status === 201), 201);
    await build('resolvedComplaint', 'resolved complaint about A\'s employee', () =>
      post('/api/v1/complaints', { customerId: need('customer'), employeeId: need('e1'), cause: 'OTHER', channel: 'HOTLINE', description: MARKERS.resolvedText }, tokens.head1), 201);
    if (fixtures.resolvedComplaint) {
      const resolved = await post(`/api/v1/complaints/${fixtures.resolvedComplaint}/resolution`, { note: '甲部已处理' }, tokens.head1);
      if (resolved.status !== 200) fail('resolvedComplaint', 'resolving the complaint', resolved);
    }
    await build('serviceRecord', 'service record with readings and notes', () =>
      eventually(
        () => post('/api/v1/service-records', { customerId: need('customer'), category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', notes: MARKERS.serviceNotes, readings: [{ systolic: 187, diastolic: 113, pulse: 71 }] }, tokens.e1),
        (r) => r.status === 201,
      ), 201);
    await build('unsurveyedRecord', 'a home visit without survey', () => post('/api/v1/service-records', { customerId: need('customer'), category: 'REGULAR', kind: 'HOME_VISIT', notes: MARKERS.serviceNotes }, tokens.e1), 201);
    await build('survey', 'survey of the visit', () => post('/api/v1/surveys', { customerId: need('customer'), subjectType: 'VISIT', subjectId: need('serviceRecord'), score: 5, comment: MARKERS.surveyComment }, tokens.head1), 201);

    // Wednesday 14:00, the meeting: the customer checks in brought by the referrer (R-1), buys (R-2), a pitch, a dispute.
    await at('2031-03-05T14:00:00+08:00');
    await build('checkIn', 'check-in of the customer', () => post(`/api/v1/meetings/${need('meeting')}/check-ins`, { customerId: need('customer'), referrerId: need('referrer') }, tokens.e1), 201, (b) => b.customerId);
    await build('pitch', 'pitch to the customer', () => post(`/api/v1/meetings/${need('meeting')}/pitches`, { customerId: need('customer') }, tokens.e1), 201);
    await build('sale', 'sale to the customer', () => post(`/api/v1/meetings/${need('meeting')}/sales`, { customerId: need('customer'), amountFen: 250_000 }, tokens.e1), 201);
    await build('pointsEntry', 'points of the referrer (R-1, R-2)', () =>
      eventually(() => get(`/api/v1/points/${need('referrer')}`), (r) => r.status === 200 && r.body.balance >= 300), 200, (b) => (b.balance >= 300 ? b.entries?.[0]?.id ?? b.items?.[0]?.id : undefined));
    await build('dispute', 'dispute at the meeting', () =>
      post(`/api/v1/meetings/${need('meeting')}/disputes`, { partyEmployeeIds: [need('e1'), need('e3')], customerId: need('customer'), description: MARKERS.disputeText, arguedInFrontOfCustomers: false }, tokens.coordinator), 201);
  }, 240_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  // --------------------------------------------------------------------------------------------------------------

  it('has a row for every operation that names an object, and no row for an operation that is gone', () => {
    const found = [...restOps.keys(), ...graphqlOps];
    const withoutRow = found.filter((op) => !MATRIX[op]).map((op) => `${op}${restOps.has(op) ? ` (${restOps.get(op)})` : ' (supergraph)'}: no row in MATRIX`);
    const stale = Object.keys(MATRIX).filter((op) => !found.includes(op)).map((op) => `${op}: a row for an operation the suite no longer has`);
    const wrongKind = Object.entries(MATRIX).filter(([op, row]) => (op.includes(' ') ? !row.rest : !row.graphql)).map(([op]) => `${op}: the row has no call of its kind`);
    expect([...withoutRow, ...stale, ...wrongKind]).toEqual([]);
    // The derivation found something in every service and in the graph.
    for (const service of SERVICES) expect([...restOps.values()]).toContain(service);
    expect(graphqlOps.length).toBeGreaterThan(10);
  });

  it('builds every fixture (a row whose fixture is missing cannot prove anything)', () => {
    const rowsOf = (key: FixtureKey) =>
      Object.entries(MATRIX)
        .filter(([, row]) => {
          const uses = new Set<string>();
          const probe: Need = ((k: FixtureKey) => (uses.add(k), 'probe')) as Need;
          try {
            row.rest?.(probe);
            row.graphql?.(probe);
          } catch {
            // a row that cannot even be probed reports itself below
          }
          return uses.has(key);
        })
        .map(([op]) => op);
    const report = (Object.entries(unbuilt) as [FixtureKey, string][]).map(([key, why]) => `${key} not built (${why}); rows that cannot prove anything: ${rowsOf(key).join(', ') || 'none'}`);
    expect(report).toEqual([]);
  });

  // --------------------------------------------------------------------------------------------------------------

  const ALL_IDS: FixtureKey[] = ['customer', 'customer2', 'referrer', 'neglected', 'meeting', 'laterMeeting', 'invitation', 'sheet', 'sale', 'dispute', 'pitch', 'complaint', 'resolvedComplaint', 'serviceRecord', 'unsurveyedRecord', 'survey', 'pointsEntry', 'outreachEvent', 'archiveBatch', 'takeoverReport', 'spareKey'];

  /** Texts of A's objects an answer must not carry: markers, full phones, ids the request did not name; `shown` let through. */
  function secretsFor(request: string, shown: Array<keyof typeof MARKERS | FixtureKey>): string[] {
    const secrets = Object.entries(MARKERS).filter(([key]) => !shown.includes(key as keyof typeof MARKERS)).map(([, text]) => text);
    secrets.push(...Object.values(phones), ...Object.values(phones).map((p) => `+86${p}`));
    for (const key of ALL_IDS) {
      const id = fixtures[key];
      if (id && !request.includes(id) && !shown.includes(key)) secrets.push(id);
    }
    return secrets;
  }

  /** Health readings with values anywhere in an answer (P-1: only the owner and their head). */
  function hasReadings(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(hasReadings);
    if (value && typeof value === 'object') {
      return Object.entries(value).some(([k, v]) => (['systolic', 'diastolic', 'pulse'].includes(k) && typeof v === 'number') || hasReadings(v));
    }
    return false;
  }

  const REFUSED_CODES = ['FORBIDDEN', 'NOT_FOUND'];

  /** Why an answer breaks the expectation, or null. */
  function judge(expect: Expect, request: string, answer: { status: number; body: unknown; graphql: boolean }, shows: Array<keyof typeof MARKERS | FixtureKey> = []): string | null {
    const text = JSON.stringify(answer.body) ?? '';
    const leak = (shown: 'nothing' | 'the customer') => secretsFor(request, shown === 'nothing' ? [] : [...SHOWN_WHEN_MASKED, ...shows]).filter((s) => text.includes(s));
    const refused = () => {
      if (answer.graphql) {
        const { errors } = answer.body as { errors?: Array<{ extensions?: { code?: string; status?: number } }> };
        return !!errors?.length && errors.some((e) => REFUSED_CODES.includes(e.extensions?.code ?? '') || [403, 404].includes(e.extensions?.status ?? 0));
      }
      return [403, 404].includes(answer.status);
    };
    const answered = () => (answer.graphql ? !(answer.body as { errors?: unknown[] }).errors?.length : answer.status >= 200 && answer.status < 300);
    switch (expect) {
      case 'open':
        return null;
      case 'refused': {
        if (!refused()) return 'not refused';
        const leaked = leak('nothing');
        return leaked.length ? `refused, but the answer carries ${leaked.join(', ')}` : null;
      }
      case 'filtered': {
        const leaked = leak('nothing');
        if (refused() || answered()) return leaked.length ? `the answer carries A's ${leaked.join(', ')}` : null;
        return 'neither refused nor answered';
      }
      case 'masked': {
        if (refused()) return null;
        if (!answered()) return 'neither refused nor answered masked';
        const leaked = leak('the customer');
        if (hasReadings(answer.body)) leaked.push('health readings');
        return leaked.length ? `shown with ${leaked.join(', ')} (P-1: masked)` : null;
      }
    }
  }

  /** A partner key holding every scope except those the operation accepts. */
  async function partnerWithout(scopes: PartnerScope[]): Promise<Record<string, string>> {
    const name = PARTNER_SCOPES.filter((s) => !scopes.includes(s)).join(',');
    if (!partnerKeys.has(name)) await createPartnerKey(scopes);
    return { 'x-api-key': partnerKeys.get(name)! };
  }

  for (const [op, row] of Object.entries(MATRIX)) {
    it(`${op}: outsiders get ${row.dept}${row.head ? `/${row.head} (head)` : ''}, roles not meant ${row.company ?? 'refused'}, partners without ${row.scopes.join('|') || 'any scope'} refused`, async () => {
      const callers: Array<[Caller, Expect]> = [
        ['employee of B', row.dept],
        ['head of B', row.head ?? row.dept],
      ];
      for (const role of Object.keys(COMPANY_ROLES) as CompanyRole[]) {
        if (row.masked?.includes(role)) callers.push([role, 'masked']);
        else if (row.meant !== 'all' && !row.meant.includes(role)) callers.push([role, row.company ?? 'refused']);
      }
      callers.push(['partner without scope', row.partner ?? 'refused']);

      const need: Need = ((key: FixtureKey) => {
        if (fixtures[key] === undefined) throw new Error(`fixture ${key} was not built: ${unbuilt[key] ?? 'unknown'}`);
        return fixtures[key];
      }) as Need;

      const violations: string[] = [];
      const method = op.split(' ')[0];
      // Control for reads: ADMIN reaches the object, so a refusal below is the row's rule and not a wrong id.
      if (method === 'GET' || op.startsWith('Query.') || !op.includes(' ') && !op.startsWith('Mutation.')) {
        const control = row.rest
          ? await api.rest('GET', row.rest(need).path, { headers: session.admin }).then((r) => (r.status === 200 ? null : `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`))
          : await api.graphql(row.graphql!(need).query, row.graphql!(need).variables, session.admin).then((r) => (r.errors?.length ? JSON.stringify(r.errors).slice(0, 200) : null));
        if (control) violations.push(`${op}: control failed, ADMIN does not reach the object (${control}): the row proves nothing`);
      }
      for (const [caller, expectation] of callers) {
        if (expectation === 'open') continue;
        const headers =
          caller === 'employee of B' ? tokens.e2 : caller === 'head of B' ? tokens.head2 : caller === 'partner without scope' ? await partnerWithout(row.scopes) : tokens[caller];
        let request: string;
        let answer: { status: number; body: unknown; graphql: boolean };
        if (row.rest) {
          const call = row.rest(need);
          request = `${call.path} ${JSON.stringify(call.body ?? '')}`;
          const res = await api.rest(method, call.path, { body: call.body, headers: { ...headers, ...call.headers } });
          answer = { status: res.status, body: res.body, graphql: false };
        } else {
          const call = row.graphql!(need);
          request = JSON.stringify(call.variables);
          const res = await api.graphql(call.query, call.variables, headers);
          answer = { status: res.status, body: { data: res.data, errors: res.errors }, graphql: true };
        }
        const isCompany = caller in COMPANY_ROLES;
        const why = judge(expectation, request, answer, [...(row.shows ?? []), ...(isCompany ? row.companyShows ?? [] : [])]);
        if (why) {
          const summary = answer.graphql
            ? `${JSON.stringify((answer.body as { data?: unknown }).data ?? null)} errors ${JSON.stringify(((answer.body as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? []).map((e) => e.extensions?.code))}`
            : `${answer.status} ${JSON.stringify(answer.body)}`;
          violations.push(`${op} as ${caller} (must be ${expectation}): ${why}; got ${summary.slice(0, 300)}`);
        }
      }
      expect(violations.map((v) => (row.known ? `${v} [known hole being fixed: ${row.known}]` : v))).toEqual([]);
    });
  }
});
