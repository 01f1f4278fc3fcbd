import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer, jsonNumber } from '@crm/testing';
import { DAY, Department, VisitsHarness } from '../testing/harness';

/**
 * V-1 and P-1/P-2 for health readings: sealed at rest (the database never holds the values), shown only to the
 * owner and their head, every showing audited, an altered seal never shown; bad input changes nothing.
 */
describe('service-visits: service records and health readings (V-1, P-1)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let d2: Department;
  let customer: string;
  let recordId: string;
  const readings = [{ systolic: 152, diastolic: 97, pulse: 81 }, { systolic: 139, diastolic: 88 }];

  const list = (headers: Record<string, string>, c = customer) => h.get(`/api/v1/service-records?customerId=${c}`, headers);
  const audited = async () => (await h.sql(`SELECT actor, service_record_id, customer_id, channel FROM readings_reads WHERE customer_id = $1 ORDER BY at`, [customer]));

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('D1');
    d2 = await h.department('D2');
    customer = await h.customer(d1, new Date(h.now().getTime() - DAY));
    const res = await h.record(customer, d1.employees[0], { category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', notes: '免费量血压', readings });
    expect(res.statusCode).toBe(201);
    recordId = res.json().id;
    // The one who took them gets them back as sent, which is not a read of stored data.
    expect(res.json()).toMatchObject({ customerId: customer, employeeId: d1.employeeIds[0], departmentId: d1.id, category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', notes: '免费量血压', readings, readingsHidden: false });
  });

  afterAll(() => h?.close());

  it('stores a seal and its key id, never the values', async () => {
    const [row] = await h.sql(`SELECT readings_sealed, readings_key_id, notes FROM service_records WHERE id = $1`, [recordId]);
    expect(row.readings_key_id).toBe('k1');
    const stored: Buffer = row.readings_sealed;
    expect(stored.length).toBeGreaterThan(28);
    for (const clear of ['152', '97', 'systolic', JSON.stringify(readings)]) expect(stored.toString('latin1')).not.toContain(clear);
    const [text] = await h.sql(`SELECT row_to_json(r)::text AS t FROM service_records r WHERE id = $1`, [recordId]);
    expect(text.t).not.toContain('systolic');
    expect(await audited()).toEqual([]);
  });

  it('shows the readings to the owner and to the head of the owning department, auditing each showing', async () => {
    const owner = await list(d1.employees[0]);
    expect(owner.statusCode).toBe(200);
    expect(owner.json().items).toEqual([expect.objectContaining({ id: recordId, readings, readingsHidden: false })]);
    const head = await list(d1.head);
    expect(head.json().items[0]).toMatchObject({ readings, readingsHidden: false });
    expect(await audited()).toEqual([
      { actor: `employee:${d1.employeeIds[0]}`, service_record_id: recordId, customer_id: customer, channel: 'GET /api/v1/service-records' },
      { actor: `employee:${d1.headId}`, service_record_id: recordId, customer_id: customer, channel: 'GET /api/v1/service-records' },
    ]);
  });

  it('hides them from colleagues, other departments, company-wide roles and partners, without an audit entry', async () => {
    const before = (await audited()).length;
    const partner = await h.partner(['service-visits:read', 'customers:pii']);
    for (const viewer of [d1.employees[1], d2.head, d2.employees[0], h.gm, h.admin, h.director, bearer(Role.CRM_CLERK, randomUUID(), null), partner]) {
      const res = await list(viewer);
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({ id: recordId, kind: 'BLOOD_PRESSURE_CHECK', readings: null, readingsHidden: true });
      expect(res.body).not.toMatch(jsonNumber(152));
      expect(res.body).not.toContain('systolic');
    }
    expect(await audited()).toHaveLength(before);
    expect((await list(await h.partner(['customers:read']))).statusCode).toBe(403);
  });

  it('follows the customer to a new owner: the old owner no longer sees the readings, the new one does', async () => {
    const c = await h.customer(d1, new Date(h.now().getTime() - DAY));
    const rec = (await h.record(c, d1.employees[0], { kind: 'BLOOD_PRESSURE_CHECK', category: 'PRE_SALE', readings: [{ systolic: 120, diastolic: 80 }] })).json();
    await h.transferred(c, d1, d2, h.now());
    expect((await list(d1.employees[0], c)).json().items[0]).toMatchObject({ id: rec.id, readings: null, readingsHidden: true });
    expect((await list(d1.head, c)).json().items[0]).toMatchObject({ readingsHidden: true });
    expect((await list(d2.employees[0], c)).json().items[0]).toMatchObject({ readings: [{ systolic: 120, diastolic: 80 }] });
  });

  it('never shows an altered seal, and still lists the other records', async () => {
    const c = await h.customer(d1, new Date(h.now().getTime() - DAY));
    const a = (await h.record(c, d1.employees[0], { kind: 'BLOOD_PRESSURE_CHECK', category: 'PRE_SALE', readings: [{ systolic: 171, diastolic: 99 }] })).json();
    const b = (await h.record(c, d1.employees[0], { kind: 'BLOOD_PRESSURE_CHECK', category: 'PRE_SALE', readings: [{ systolic: 118, diastolic: 76 }] })).json();
    // A seal copied from one record onto another fails: it is bound to its record and customer.
    await h.sql(`UPDATE service_records SET readings_sealed = (SELECT readings_sealed FROM service_records WHERE id = $2) WHERE id = $1`, [b.id, a.id]);
    const items = (await list(d1.employees[0], c)).json().items;
    expect(items.find((i: { id: string }) => i.id === a.id)).toMatchObject({ readings: [{ systolic: 171, diastolic: 99 }] });
    expect(items.find((i: { id: string }) => i.id === b.id)).toMatchObject({ readings: null, readingsUnreadable: true });
    await h.sql(`UPDATE service_records SET readings_sealed = set_byte(readings_sealed, 30, get_byte(readings_sealed, 30) # 1) WHERE id = $1`, [a.id]);
    expect((await list(d1.employees[0], c)).json().items.find((i: { id: string }) => i.id === a.id)).toMatchObject({ readings: null, readingsUnreadable: true });
  });

  it('keeps the audit of readings append-only', async () => {
    await expect(h.sql(`UPDATE readings_reads SET actor = 'nobody'`)).rejects.toThrow(/append-only/);
    await expect(h.sql(`DELETE FROM readings_reads`)).rejects.toThrow(/append-only/);
  });

  it.each([
    ['an unknown kind', { kind: 'VISIT' }, 400, 'VALIDATION_FAILED'],
    ['an unknown category', { category: 'SALES' }, 400, 'VALIDATION_FAILED'],
    ['a customer id that is not a UUID', { customerId: 'c-1' }, 400, 'VALIDATION_FAILED'],
    ['a reading out of range', { readings: [{ systolic: 900, diastolic: 80 }] }, 400, 'VALIDATION_FAILED'],
    ['a reading with a fraction', { readings: [{ systolic: 120.5, diastolic: 80 }] }, 400, 'VALIDATION_FAILED'],
    ['readings that are not a list', { readings: { systolic: 120, diastolic: 80 } }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { rating: 5 }, 400, 'VALIDATION_FAILED'],
    ['empty notes', { notes: '' }, 400, 'VALIDATION_FAILED'],
    ['a customer nobody registered', { customerId: randomUUID() }, 422, 'CUSTOMER_NOT_FOUND'],
  ])('refuses %s with a clear 4xx and records nothing', async (_what, body, status, code) => {
    const before = await h.sql(`SELECT count(*)::int AS n FROM service_records`);
    const res = await h.record(customer, d1.employees[0], body);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe(code);
    expect(await h.sql(`SELECT count(*)::int AS n FROM service_records`)).toEqual(before);
  });

  it('takes services from serving staff only', async () => {
    expect((await h.record(customer, h.gm)).statusCode).toBe(403);
    expect((await h.record(customer, await h.partner(['service-visits:write']))).statusCode).toBe(403);
    expect((await h.get(`/api/v1/service-records?customerId=x`, d1.employees[0])).json().code).toBe('VALIDATION_FAILED');
  });

  it('contributes Customer.serviceRecords, without readings, to callers it checks itself', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id serviceRecords { id category kind createdAt hasReadings } } } }`;
    const variables = { r: [{ __typename: 'Customer', id: customer }] };
    const res = await h.graphql(query, variables, d2.employees[0]);
    expect(res.json().errors).toBeUndefined();
    expect(res.json().data._entities[0].serviceRecords).toEqual(expect.arrayContaining([{ id: recordId, category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', createdAt: expect.any(String), hasReadings: true }]));
    const anonymous = await h.graphql(query, variables, {});
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrongScope = await h.graphql(query, variables, await h.partner(['customers:read']));
    expect(wrongScope.json().errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('records a service through GraphQL with the same checks', async () => {
    const mutation = `mutation ($input: RecordServiceInput!) { recordService(input: $input) { id kind category hasReadings } }`;
    const ok = await h.graphql(mutation, { input: { customerId: customer, category: 'REGULAR', kind: 'PHONE_CALL', readings: [{ systolic: 130, diastolic: 85 }] } }, d1.employees[0]);
    expect(ok.json().data.recordService).toMatchObject({ kind: 'PHONE_CALL', hasReadings: true });
    const bad = await h.graphql(mutation, { input: { customerId: customer, category: 'REGULAR', kind: 'PHONE_CALL', readings: [{ systolic: 1, diastolic: 85 }] } }, d1.employees[0]);
    expect(bad.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});
