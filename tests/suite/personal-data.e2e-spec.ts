import { Client } from 'pg';
import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteResponse, SuiteSession } from '@crm/testing';

/**
 * P-3 through the gateway, all five services: 一部's employee registers 抹除测试人甲 (address, birth date, notes),
 * invites her to a joint meeting, a complaint is filed about her service, she gets a service with readings and a
 * survey, she checks in, buys, and a friend she brought earns her referral points. The general manager exports
 * everything (one document, a section per service, readings in clear), then erases her: afterwards she reads as
 * erased everywhere, and no database row of any schema, no API answer and no process output holds her data, while
 * her sale, the fine and her points stay under her id.
 */
describe('suite: personal data export and erasure (P-3)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, employee, twoDepartments } = session;
  const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'] as const;

  /** Texts only this person's data holds: finding one anywhere after the erasure is a leak. */
  const MARKERS = {
    name: '抹除测试人甲',
    phone: '13977770001',
    address: '抹除路七十七号',
    birthDate: '1947-06-15',
    customerNotes: '抹除备注喜欢太极',
    serviceNotes: '抹除上门记录量血压',
    complaint: '抹除投诉说明服务未到位',
    survey: '抹除回访评价很满意',
  };
  /** Her readings, as any JSON would hold them. */
  const READINGS = [/"?systolic"?\s*:\s*187\b/, /"?diastolic"?\s*:\s*113\b/];
  const SALE_FEN = 250_000;

  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'head2' | 'e1' | 'e2' | 'gm' | 'target' | 'friend' | 'meeting' | 'sale' | 'complaint' | 'record', string>;
  const as = {} as Record<'e1' | 'head1' | 'gm' | 'partner', Record<string, string>>;
  let pointsBefore: { balance: number; entries: unknown[] };
  let finesBefore: unknown[];

  const created = (res: SuiteResponse, what: string) => {
    if (res.status !== 201 && res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const leaksIn = (text: string): string[] => [
    ...Object.entries(MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([key]) => key),
    ...READINGS.filter((r) => r.test(text)).map((r) => `readings ${r.source}`),
  ];
  const exportOf = (headers: Record<string, string>) => get(`/api/v1/customers/${ids.target}/export`, headers);

  /** Every row of every table of every schema of the suite's database, as JSON text, with where it lives. */
  async function everyRow(): Promise<{ where: string; r: string }[]> {
    const client = new Client({ connectionString: suite.db.url });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; table: string }>(
        `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
      );
      const out: { where: string; r: string }[] = [];
      for (const { schema, table } of tables.rows) {
        const rows = await client.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${schema}"."${table}" t`);
        for (const { r } of rows.rows) out.push({ where: `${schema}.${table}`, r });
      }
      return out;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    suite = await startSuite({
      services: [...SERVICES],
      env: { SHEET_CUTOFF_CRON: '0 0 1 1 *', LEDGER_AUDIT_CRON: '0 0 1 1 *', COMPLAINT_SLA_CRON: '0 0 1 1 *' },
    });
    api = session.connect(suite);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } }));
    ids.gm = await employee('总经理', 'GENERAL_MANAGER');
    as.e1 = await tokenOf(ids.e1);
    as.head1 = await tokenOf(ids.head1);
    as.gm = await tokenOf(ids.gm);
    const key = created(await post('/api/v1/api-keys', { name: 'BI', scopes: ['customers:read', 'customers:pii', 'customers:write'] }), 'partner key');
    as.partner = { 'x-api-key': key.key };

    // Monday: she is registered with every personal field, and brings a friend.
    await at('2031-03-03T09:00:00+08:00');
    ids.target = created(
      await post(
        '/api/v1/customers',
        { name: MARKERS.name, phone: MARKERS.phone, source: 'WALK_IN', gender: 'FEMALE', birthDate: MARKERS.birthDate, address: MARKERS.address, notes: MARKERS.customerNotes },
        as.e1,
      ),
      'registration',
    ).id;
    ids.friend = created(await post('/api/v1/customers', { name: '朋友乙', phone: '13977770002', source: 'REFERRAL', referrerId: ids.target }, as.e1), 'the friend').id;
    ids.meeting = created(
      await eventually(
        () => post('/api/v1/meetings', { date: '2031-03-05', slot: 'AFTERNOON', venue: '甲部会场', departmentIds: [ids.d1, ids.d2] }, as.head1),
        (r) => r.status === 201,
      ),
      'the joint meeting',
    ).id;
    const invitation = created(
      await eventually(() => post(`/api/v1/meetings/${ids.meeting}/invitations`, { customerId: ids.target }, as.e1), (r) => r.status === 201),
      'the invitation',
    );
    created(await post(`/api/v1/invitations/${invitation.id}/confirm`, {}, as.e1), 'confirming the invitation');

    // Tuesday: a complaint about her service, a blood-pressure check with readings and notes, a survey of it.
    await at('2031-03-04T10:00:00+08:00');
    ids.complaint = created(
      await eventually(
        () => post('/api/v1/complaints', { customerId: ids.target, employeeId: ids.e1, cause: 'SERVICE_NOT_IN_PLACE', channel: 'DISCOVERED', description: MARKERS.complaint }, as.head1),
        (r) => r.status === 201,
      ),
      'the complaint',
    ).id;
    ids.record = created(
      await eventually(
        () =>
          post(
            '/api/v1/service-records',
            { customerId: ids.target, category: 'PRE_SALE', kind: 'BLOOD_PRESSURE_CHECK', notes: MARKERS.serviceNotes, readings: [{ systolic: 187, diastolic: 113, pulse: 71 }] },
            as.e1,
          ),
        (r) => r.status === 201,
      ),
      'the service record',
    ).id;
    created(await post('/api/v1/surveys', { customerId: ids.target, subjectType: 'VISIT', subjectId: ids.record, score: 5, comment: MARKERS.survey }, as.head1), 'the survey');

    // Wednesday 14:00, the meeting: she checks in and buys; her friend checks in brought by her (R-1 points are hers).
    await at('2031-03-05T14:00:00+08:00');
    created(await post(`/api/v1/meetings/${ids.meeting}/check-ins`, { customerId: ids.target }, as.e1), 'her check-in');
    ids.sale = created(await post(`/api/v1/meetings/${ids.meeting}/sales`, { customerId: ids.target, amountFen: SALE_FEN }, as.e1), 'her sale').id;
    created(await post(`/api/v1/meetings/${ids.meeting}/check-ins`, { customerId: ids.friend, referrerId: ids.target }, as.e1), "the friend's check-in");

    const points = await eventually(
      () => get(`/api/v1/points/${ids.target}`, as.gm),
      (r) => r.status === 200 && r.body.entries.length >= 1,
    );
    if (points.status !== 200 || !points.body.entries.length) throw new Error(`her referral points: ${points.status} ${JSON.stringify(points.body)}`);
    pointsBefore = points.body;
    const fines = await eventually(
      () => get(`/api/v1/fines?employeeId=${ids.e1}`, as.gm),
      (r) => r.status === 200 && r.body.items.length >= 1,
    );
    if (fines.status !== 200 || !fines.body.items.length) throw new Error(`the C-2 fine: ${fines.status} ${JSON.stringify(fines.body)}`);
    finesBefore = fines.body.items;
  }, 180_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('finds her data in the database before the erasure (the search below can see it)', async () => {
    const found = new Set((await everyRow()).flatMap(({ r }) => leaksIn(r)));
    for (const key of ['name', 'phone', 'address', 'birthDate', 'customerNotes', 'serviceNotes', 'complaint', 'survey']) expect(found).toContain(key);
  });

  it('exports one document with a section per service, readings in clear, to the general manager only', async () => {
    for (const who of ['head1', 'e1', 'partner'] as const) expect(codeOf(await exportOf(as[who]))).toEqual([403, 'FORBIDDEN']);

    const res = await exportOf(as.gm);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: ids.target, exportedAt: expect.any(String) });
    expect(Object.keys(res.body.sections).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) expect(res.body.sections[service]).not.toBeNull();
    expect(res.body.sections.customers.customer).toMatchObject({
      name: MARKERS.name,
      phone: `+86${MARKERS.phone}`,
      address: MARKERS.address,
      birthDate: MARKERS.birthDate,
      notes: MARKERS.customerNotes,
      erased: false,
    });
    const text = JSON.stringify(res.body);
    // Every service's part: the sale, her points, the complaint, the service with its readings decrypted, the survey.
    expect(JSON.stringify(res.body.sections.campaigns)).toContain(ids.sale);
    expect(JSON.stringify(res.body.sections.campaigns)).toContain(String(SALE_FEN));
    expect(JSON.stringify(res.body.sections.rewards)).toContain('REFERRAL_ATTENDANCE');
    expect(JSON.stringify(res.body.sections.complaints)).toContain(MARKERS.complaint);
    expect(JSON.stringify(res.body.sections['service-visits'])).toContain(MARKERS.serviceNotes);
    expect(JSON.stringify(res.body.sections['service-visits'])).toContain(MARKERS.survey);
    for (const reading of READINGS) expect(text).toMatch(reading);

    expect(codeOf(await get(`/api/v1/customers/00000000-0000-4000-8000-000000000000/export`, as.gm))).toEqual([404, 'CUSTOMER_NOT_FOUND']);
  });

  it('erases her on request of the general manager only: 202, then 409 the second time', async () => {
    for (const who of ['head1', 'e1', 'partner'] as const) {
      expect(codeOf(await post(`/api/v1/customers/${ids.target}/erasure`, { reason: '本人申请' }, as[who]))).toEqual([403, 'FORBIDDEN']);
    }
    expect((await get(`/api/v1/customers/${ids.target}`, as.e1)).body).toMatchObject({ name: MARKERS.name, erased: false });

    const erased = await post(`/api/v1/customers/${ids.target}/erasure`, { reason: '本人书面申请删除个人信息' }, as.gm);
    expect(erased.status).toBe(202);
    expect(erased.body).toEqual({ customerId: ids.target, status: 'ERASED' });
    expect(codeOf(await post(`/api/v1/customers/${ids.target}/erasure`, { reason: '再次' }, as.gm))).toEqual([409, 'CUSTOMER_ALREADY_ERASED']);
  });

  it('shows her erased, with no personal field, over REST and GraphQL', async () => {
    const rest = await get(`/api/v1/customers/${ids.target}`, as.e1);
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ id: ids.target, erased: true, name: '已删除', phone: '', gender: null, birthDate: null, address: null, ownerId: ids.e1 });
    const graph = await api.graphql('query($id: ID!) { customer(id: $id) { id name phone gender birthDate address erased } }', { id: ids.target }, as.gm);
    expect(graph.errors).toBeUndefined();
    expect(graph.data.customer).toEqual({ id: ids.target, name: '已删除', phone: '', gender: null, birthDate: null, address: null, erased: true });
  });

  it('exports none of her data once every service has processed customer.erased', async () => {
    const after = await eventually(
      () => exportOf(as.gm),
      (r) => r.status === 200 && leaksIn(JSON.stringify(r.body)).length === 0,
      20_000,
    );
    expect(after.status).toBe(200);
    expect(leaksIn(JSON.stringify(after.body))).toEqual([]);
    expect(after.body.sections.customers.customer).toMatchObject({ erased: true, name: '已删除', phone: null, address: null, birthDate: null, notes: null });
  });

  it('leaves no row of any table in any schema holding her data, and keeps her sale, the fine and her points under her id', async () => {
    const rows = await everyRow();
    const schemas = new Set(rows.map((row) => row.where.split('.')[0]));
    for (const service of SERVICES) expect(schemas).toContain(service.replace('-', '_'));
    const leaks = rows.flatMap(({ where, r }) => leaksIn(r).map((leak) => `${where}: ${leak} in ${r.slice(0, 300)}`));
    const withHerId = rows.filter(({ r }) => r.includes(ids.target)).map(({ where, r }) => `${where}: ${r}`);
    expect(leaks).toEqual([]);
    // Her sale keeps its amount under her id, as her points ledger and the complaint's fine do.
    expect(withHerId.some((row) => row.includes(ids.sale) && row.includes(String(SALE_FEN)))).toBe(true);
    expect(withHerId.some((row) => row.startsWith('rewards.') && row.includes('REFERRAL_ATTENDANCE'))).toBe(true);

    const points = await get(`/api/v1/points/${ids.target}`, as.gm);
    expect(points.status).toBe(200);
    expect(points.body).toMatchObject({ balance: pointsBefore.balance, entries: pointsBefore.entries });
    const fines = await get(`/api/v1/fines?employeeId=${ids.e1}`, as.gm);
    expect(fines.body.items).toEqual(finesBefore);
  });

  it("leaves none of her data in any process's output", () => {
    for (const name of [...SERVICES, 'gateway']) expect([name, leaksIn(suite.output(name))]).toEqual([name, []]);
  });
});
