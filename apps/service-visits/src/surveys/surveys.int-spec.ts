import { randomUUID } from 'node:crypto';
import { DAY, Department, VisitsHarness } from '../testing/harness';

/** V-4: surveys about a visit or a complaint resolution, once each, bad answers refused, averages by period. */
describe('service-visits: satisfaction surveys (V-4)', () => {
  let h: VisitsHarness;
  let d1: Department;
  let d2: Department;
  let customer: string;
  const day = new Date(Date.UTC(2031, 5, 10, 2)); // 10:00 in Shanghai, 2031-06-10

  const submit = (body: object, headers = h.gm) => h.post('/api/v1/surveys', body, headers);
  const visit = async (c: string, who: Record<string, string>) => (await h.record(c, who)).json().id as string;

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('D1');
    d2 = await h.department('D2');
    await h.at(day);
    customer = await h.customer(d1, new Date(day.getTime() - DAY));
  });

  afterAll(() => h?.close());

  it('rates the employee who made the visit, once per visit', async () => {
    // The head of the owning department made the visit (P-1: the owner and the owning head record services).
    const recordId = await visit(customer, d1.head);
    const res = await submit({ customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 5, comment: '很满意' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subjectType: 'VISIT', subjectId: recordId, score: 5, comment: '很满意', employeeId: d1.headId, departmentId: d1.id });
    const again = await submit({ customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SURVEY_ALREADY_SUBMITTED');
  });

  it("rates a complaint's resolution against the employee concerned", async () => {
    const complaintId = await h.resolved(customer, d1, day);
    const res = await submit({ customerId: customer, subjectType: 'COMPLAINT_RESOLUTION', subjectId: complaintId, score: 2 }, d1.head);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ employeeId: d1.employeeIds[0], departmentId: d1.id, comment: null });
  });

  it.each([
    ['a score of 0', { score: 0 }, 400],
    ['a score of 6', { score: 6 }, 400],
    ['a score of 3.5', { score: 3.5 }, 400],
    ['a score as text', { score: '4' }, 400],
    ['no score', { score: undefined }, 400],
    ['an empty comment', { comment: '' }, 400],
    ['a comment of 2001 characters', { comment: 'x'.repeat(2001) }, 400],
    ['an unknown subject type', { subjectType: 'MEETING' }, 400],
    ['a subject id that is not a UUID', { subjectId: '42' }, 400],
    ['a visit that does not exist', { subjectId: randomUUID() }, 422],
    ['a complaint never resolved', { subjectType: 'COMPLAINT_RESOLUTION', subjectId: randomUUID() }, 422],
  ])('refuses %s with a clear 4xx and stores nothing', async (_what, change, status) => {
    const recordId = await visit(customer, d1.employees[0]);
    const before = await h.sql(`SELECT count(*)::int AS n FROM surveys`);
    const res = await submit({ customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 4, ...change });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toEqual(status === 400 ? 'VALIDATION_FAILED' : 'SURVEY_SUBJECT_NOT_FOUND');
    expect(await h.sql(`SELECT count(*)::int AS n FROM surveys`)).toEqual(before);
  });

  it("refuses a survey of another customer's visit", async () => {
    const other = await h.customer(d1, day);
    const recordId = await visit(other, d1.employees[0]);
    const res = await submit({ customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 4 });
    expect(res.statusCode).toBe(422);
  });

  it('averages per employee and department over business days, within what the caller may see', async () => {
    const c2 = await h.customer(d2, day);
    // Each employee visits a customer of their own (P-1: the owner and the owning head record services).
    const c2b = await h.customer(d2, day, 'POTENTIAL', d2.employeeIds[1]);
    // 2031-07-01 in Shanghai: three surveys for d2's first employee, one for the second.
    await h.at(new Date(Date.UTC(2031, 6, 1, 1)));
    for (const score of [5, 4, 2]) await submit({ customerId: c2, subjectType: 'VISIT', subjectId: await visit(c2, d2.employees[0]), score });
    await submit({ customerId: c2b, subjectType: 'VISIT', subjectId: await visit(c2b, d2.employees[1]), score: 3 });
    // 2031-07-02 00:30 in Shanghai is still 07-01 in UTC: outside a period that ends on 07-01.
    await h.at(new Date(Date.UTC(2031, 6, 1, 16, 30)));
    await submit({ customerId: c2, subjectType: 'VISIT', subjectId: await visit(c2, d2.employees[0]), score: 1 });

    const report = (await h.get('/api/v1/surveys/averages?from=2031-07-01&to=2031-07-01', h.gm)).json();
    expect(report.departments).toEqual([{ departmentId: d2.id, surveys: 4, averageScore: 3.5 }]);
    expect(report.employees).toEqual(
      expect.arrayContaining([
        { employeeId: d2.employeeIds[0], departmentId: d2.id, surveys: 3, averageScore: 3.67 },
        { employeeId: d2.employeeIds[1], departmentId: d2.id, surveys: 1, averageScore: 3 },
      ]),
    );
    const two = (await h.get('/api/v1/surveys/averages?from=2031-07-01&to=2031-07-02', d2.head)).json();
    expect(two.departments).toEqual([{ departmentId: d2.id, surveys: 5, averageScore: 3 }]);
    const own = (await h.get('/api/v1/surveys/averages?from=2031-07-01&to=2031-07-02', d2.employees[1])).json();
    expect(own.employees).toEqual([{ employeeId: d2.employeeIds[1], departmentId: d2.id, surveys: 1, averageScore: 3 }]);
    expect((await h.get(`/api/v1/surveys/averages?from=2031-07-01&to=2031-07-02&departmentId=${d2.id}`, d1.head)).statusCode).toBe(403);
    for (const bad of ['from=2031-07-02&to=2031-07-01', 'from=2031-02-30&to=2031-03-01', 'from=2030-01-01&to=2031-07-01', 'from=July&to=2031-07-01']) {
      const res = await h.get(`/api/v1/surveys/averages?${bad}`, h.gm);
      expect(res.statusCode).toBe(400);
      expect(['PERIOD_INVALID', 'VALIDATION_FAILED']).toContain(res.json().code);
    }
    const gql = await h.graphql(`{ satisfaction(from: "2031-07-01", to: "2031-07-01") { departments { departmentId surveys averageScore } } }`, {}, h.gm);
    expect(gql.json().data.satisfaction.departments).toEqual([{ departmentId: d2.id, surveys: 4, averageScore: 3.5 }]);
  });

  it('takes surveys from partners holding service-visits:write, through GraphQL too', async () => {
    const recordId = await visit(customer, d1.employees[0]);
    const partner = await h.partner(['service-visits:write']);
    const mutation = `mutation ($input: SubmitSurveyInput!) { submitSurvey(input: $input) { score employeeId } }`;
    const res = await h.graphql(mutation, { input: { customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 4 } }, partner);
    expect(res.json().data.submitSurvey).toEqual({ score: 4, employeeId: d1.employeeIds[0] });
    expect((await submit({ customerId: customer, subjectType: 'VISIT', subjectId: await visit(customer, d1.employees[0]), score: 4 }, await h.partner(['service-visits:read']))).statusCode).toBe(403);
    const bad = await h.graphql(mutation, { input: { customerId: customer, subjectType: 'VISIT', subjectId: recordId, score: 9 } }, partner);
    expect(bad.json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});
