import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { EventConsumer } from '@crm/events';
import { bearer, jsonNumber } from '@crm/testing';
import { DAY, Department, VisitsHarness } from '../testing/harness';

/**
 * P-3 in service-visits: the customer's export section (GENERAL_MANAGER and ADMIN only; service records with
 * notes and health readings decrypted, each opening audited and published as personal_data.read; visit plans;
 * surveys with comments; the service state; data null for a customer never heard of) and customer.erased (notes,
 * readings and survey comments gone; categories, kinds, dates, scores and plans kept; once on redelivery).
 */
describe('service-visits: personal data export and erasure (P-3)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let customer: string;
  let other: string;
  let recordId: string;
  let phoneCallId: string;
  let otherRecordId: string;

  const exportOf = (customerId: string, headers: Record<string, string> = h.gm) =>
    h.get(`/api/v1/personal-data/${customerId}`, headers);
  const erased = (customerId: string, id?: string) =>
    h.feed.publish(
      'customer.erased',
      { customerId, erasedBy: `employee:${randomUUID()}`, erasedAt: h.nowIso() },
      { id },
    );
  const records = (c: string) =>
    h.sql(`SELECT * FROM service_records WHERE customer_id = $1 ORDER BY id`, [c]);
  const surveys = (c: string) => h.sql(`SELECT * FROM surveys WHERE customer_id = $1 ORDER BY id`, [c]);
  const plans = (c: string) => h.sql(`SELECT * FROM visit_plans WHERE customer_id = $1 ORDER BY id`, [c]);
  const reads = (c: string) =>
    h.sql(`SELECT * FROM readings_reads WHERE customer_id = $1 ORDER BY at, id`, [c]);
  const readEvents = async (c: string) =>
    (await h.events('personal_data.read')).filter((e) => e.customerIds.includes(c));

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('D1');
    customer = await h.customer(d1, new Date(h.now().getTime() - DAY), 'NEW');
    other = await h.customer(d1, new Date(h.now().getTime() - DAY), 'NEW');
    const visit = await h.record(customer, d1.employees[0], {
      notes: '张大爷老伴住院, 下周再访',
      readings: [
        { systolic: 152, diastolic: 97, pulse: 81 },
        { systolic: 148, diastolic: 95 },
      ],
    });
    expect(visit.statusCode).toBe(201);
    recordId = visit.json().id;
    phoneCallId = (await h.record(customer, d1.head, { kind: 'PHONE_CALL' })).json().id;
    otherRecordId = (
      await h.record(other, d1.employees[0], {
        notes: '李奶奶腿脚不便',
        readings: [{ systolic: 130, diastolic: 85 }],
      })
    ).json().id;
    for (const [c, subjectId, comment] of [
      [customer, recordId, '张大爷说小王很耐心'],
      [other, otherRecordId, '李奶奶很满意'],
    ]) {
      expect(
        (
          await h.post(
            '/api/v1/surveys',
            { customerId: c, subjectType: 'VISIT', subjectId, score: 5, comment },
            d1.head,
          )
        ).statusCode,
      ).toBe(201);
    }
  });

  afterAll(() => h?.close());

  it('exports records with notes and readings decrypted, plans, surveys and the state to the general manager and ADMIN, auditing every reading shown', async () => {
    const gmId = randomUUID();
    const adminId = randomUUID();
    for (const [caller, actorId] of [
      [bearer(Role.GENERAL_MANAGER, gmId, null), gmId],
      [bearer(Role.ADMIN, adminId, null), adminId],
    ] as const) {
      const before = { reads: (await reads(customer)).length, events: (await readEvents(customer)).length };
      const res = await exportOf(customer, caller);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ service: 'service-visits', customerId: customer });
      expect(body.data.serviceRecords).toHaveLength(2);
      expect(body.data.serviceRecords).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: recordId,
            kind: 'HOME_VISIT',
            notes: '张大爷老伴住院, 下周再访',
            notesHidden: false,
            readings: [
              { systolic: 152, diastolic: 97, pulse: 81 },
              { systolic: 148, diastolic: 95 },
            ],
            readingsHidden: false,
          }),
          expect.objectContaining({ id: phoneCallId, kind: 'PHONE_CALL', notes: null, readings: null }),
        ]),
      );
      expect(body.data.surveys).toEqual([
        expect.objectContaining({ subjectId: recordId, score: 5, comment: '张大爷说小王很耐心' }),
      ]);
      expect(body.data.visitPlans.map((p: { id: string }) => p.id).sort()).toEqual(
        (await plans(customer)).map((p) => p.id).sort(),
      );
      expect(body.data.visitPlans.length).toBeGreaterThan(0);
      expect(body.data.serviceState).toMatchObject({
        stage: 'NEW',
        underServed: false,
        lastServedAt: expect.any(String),
      });
      expect(res.body).not.toContain('李奶奶');

      // P-2: the readings shown are recorded and published as for any full read, before they are answered.
      const recorded = (await reads(customer)).slice(before.reads);
      const actor = `employee:${actorId}`;
      expect(recorded).toEqual([
        expect.objectContaining({
          service_record_id: recordId,
          customer_id: customer,
          actor,
          channel: 'GET /api/v1/personal-data',
        }),
      ]);
      const published = (await readEvents(customer)).slice(before.events);
      expect(published).toEqual([
        {
          customerIds: [customer],
          data: 'HEALTH_READINGS',
          actor,
          actorId,
          readAt: recorded[0].at.toISOString(),
        },
      ]);
    }
  });

  it('refuses every other role, the owner and the head included, and every partner key, opening nothing', async () => {
    const before = { reads: (await reads(customer)).length, events: (await readEvents(customer)).length };
    const refused = [
      d1.employees[0],
      d1.head,
      bearer(Role.CRM_CLERK, randomUUID(), null),
      bearer(Role.COORDINATOR, randomUUID(), null),
      bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null),
      await h.partner(['service-visits:read', 'service-visits:write', 'customers:read', 'customers:pii']),
    ];
    for (const caller of refused) {
      const res = await exportOf(customer, caller);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('张大爷');
      expect(res.body).not.toContain(recordId);
    }
    expect((await reads(customer)).length).toBe(before.reads);
    expect((await readEvents(customer)).length).toBe(before.events);
  });

  it('answers data null for a customer service-visits never heard of, 400 for a malformed id', async () => {
    const unknown = randomUUID();
    expect((await exportOf(unknown)).json()).toEqual({
      service: 'service-visits',
      customerId: unknown,
      data: null,
    });
    expect((await exportOf('not-a-uuid')).statusCode).toBe(400);
  });

  it('erases notes, readings and survey comments on customer.erased and keeps the rest, once on redelivery', async () => {
    const before = {
      records: await records(customer),
      surveys: await surveys(customer),
      plans: await plans(customer),
      reads: await reads(customer),
    };
    const untouched = {
      records: await records(other),
      surveys: await surveys(other),
      plans: await plans(other),
    };
    expect(before.records.find((r) => r.id === recordId).readings_sealed).not.toBeNull();
    const eventId = await erased(customer);

    const after = await records(customer);
    expect(after).toEqual(
      before.records.map((r) => ({ ...r, notes: null, readings_sealed: null, readings_key_id: null })),
    );
    expect(await surveys(customer)).toEqual(before.surveys.map((s) => ({ ...s, comment: null })));
    expect(await plans(customer)).toEqual(before.plans);
    expect(await reads(customer)).toEqual(before.reads);
    expect({
      records: await records(other),
      surveys: await surveys(other),
      plans: await plans(other),
    }).toEqual(untouched);

    const again = await h.svc.app.get(EventConsumer).handle({
      id: eventId,
      name: 'customer.erased',
      version: 1,
      producer: 'customers',
      payload: { customerId: customer, erasedBy: 'employee:x', erasedAt: h.nowIso() },
      requestId: null,
      occurredAt: h.nowIso(),
    });
    expect(again).toBe('duplicate');
    await erased(customer);
    expect(await records(customer)).toEqual(after);
    expect(await surveys(customer)).toEqual(before.surveys.map((s) => ({ ...s, comment: null })));
  });

  it('after the erasure, REST, GraphQL and the export show no notes, readings or comments, and open nothing', async () => {
    const before = { reads: (await reads(customer)).length, events: (await readEvents(customer)).length };
    const texts = ['张大爷', '住院', '耐心'];
    const owner = await h.get(`/api/v1/service-records?customerId=${customer}`, d1.employees[0]);
    expect(owner.json().items.find((i: { id: string }) => i.id === recordId)).toMatchObject({
      notes: null,
      notesHidden: false,
      readings: null,
      readingsHidden: false,
    });
    const gql = await h.graphql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { serviceRecords { id notes notesHidden } } } }`,
      { r: [{ __typename: 'Customer', id: customer }] },
      d1.employees[0],
    );
    expect(gql.json().errors).toBeUndefined();
    const exported = await exportOf(customer);
    expect(exported.json().data.serviceRecords).toHaveLength(2);
    expect(exported.json().data.serviceRecords).toContainEqual(
      expect.objectContaining({
        id: recordId,
        category: 'REGULAR',
        kind: 'HOME_VISIT',
        notes: null,
        readings: null,
        readingsHidden: false,
      }),
    );
    expect(exported.json().data.surveys).toEqual([
      expect.objectContaining({ subjectId: recordId, score: 5, comment: null }),
    ]);
    for (const res of [owner, gql, exported]) {
      expect(res.statusCode).toBe(200);
      for (const text of texts) expect(res.body).not.toContain(text);
      expect(res.body).not.toMatch(jsonNumber(152));
    }
    expect((await reads(customer)).length).toBe(before.reads);
    expect((await readEvents(customer)).length).toBe(before.events);
    // Another customer's notes and readings are still there for the owner.
    expect(
      (await h.get(`/api/v1/service-records?customerId=${other}`, d1.employees[0])).json().items[0],
    ).toMatchObject({ notes: '李奶奶腿脚不便', readings: [{ systolic: 130, diastolic: 85 }] });
  });
});
