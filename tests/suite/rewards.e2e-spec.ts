import { randomUUID } from 'node:crypto';
import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * R-1..R-4 across services with the suite clock moved, through the gateway only (REST and the federated graph):
 * customers registers 王阿姨 as brought by 钱老; campaigns runs a joint meeting of 一部 and 二部 on 2030-09-10
 * (AFTERNOON, window 09-03 … 09-10) where she is checked in with 钱老, buys and returns part of it; rewards turns
 * campaigns' events into 钱老's points and the heads' and employees' fines, and 钱老 redeems some of the points.
 */
describe('suite: referral points, redemptions and staff fines (R-1..R-4)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, employee, twoDepartments, register } = session;
  const MEETING_DAY = '2030-09-10';
  const STAFF = ['head1', 'e1', 'e1b', 'head2', 'e2', 'gm', 'clerk', 'coordinator'] as const;
  const ids = {} as Record<'d1' | 'd2' | (typeof STAFF)[number], string>;
  const as = {} as Record<(typeof STAFF)[number], Record<string, string>>;
  /** 钱老 has come before; 王阿姨 is new, brought by him. Both belong to 员工甲 (一部). */
  const customer = {} as Record<'qian' | 'wang', string>;
  let meeting: string;
  let sale: string;

  interface Entry {
    points: number;
    reason: string;
    sourceEventId: string;
  }
  interface Statement {
    balance: number;
    lifetimePoints: number;
    entries: Entry[];
  }

  /** 钱老's account once rewards has booked `entries` entries: points travel as events, so they arrive a moment later. */
  async function pointsOfQian(entries: number): Promise<Statement> {
    const res = await eventually(
      () => get(`/api/v1/points/${customer.qian}`, as.e1),
      (r) => r.status === 200 && r.body.entries.length >= entries,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  const reasons = (s: Statement) => s.entries.map((e) => [e.points, e.reason]);

  interface Fine {
    employeeId: string;
    departmentId: string;
    amountFen: number;
    rule: string;
  }

  /** The fines a caller is shown, in a stable order, once `count` of them are there (or the 10 s are up). */
  async function finesSeen(query: string, headers: Record<string, string>, count: number): Promise<[string, string, number][]> {
    const res = await eventually(
      () => get(`/api/v1/fines${query}`, headers),
      (r) => r.status !== 200 || r.body.items.length >= count,
    );
    expect(res.status).toBe(200);
    return (res.body.items as Fine[]).map((f): [string, string, number] => [f.employeeId, f.rule, f.amountFen]).sort();
  }

  beforeAll(async () => {
    // The scheduled sweeps moved to a minute no run meets, so every reconciliation here is one this test asked for.
    suite = await startSuite({
      services: ['customers', 'campaigns', 'rewards'],
      env: { SHEET_CUTOFF_CRON: '0 0 1 1 *', LEDGER_AUDIT_CRON: '0 0 1 1 *' },
    });
    api = session.connect(suite);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲', e1b: '员工乙' }, d2: { e2: '员工丙' } }));
    ids.gm = await employee('总经理', 'GENERAL_MANAGER');
    ids.clerk = await employee('客管', 'CRM_CLERK');
    ids.coordinator = await employee('协调助理', 'COORDINATOR');
    for (const who of STAFF) as[who] = await tokenOf(ids[who]);

    customer.qian = await register('钱老', '139 2000 0001', as.e1);
    const wang = await post('/api/v1/customers', { name: '王阿姨', phone: '139 2000 0002', source: 'REFERRAL', referrerId: customer.qian }, as.e1);
    expect(wang.status).toBe(201);
    expect(wang.body.referrerId).toBe(customer.qian);
    customer.wang = wang.body.id;
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('answers health for the whole suite, rewards included', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.services).sort()).toEqual(['campaigns', 'customers', 'rewards']);
  });

  it('shows a customer without points a balance of 0 once rewards has heard of them', async () => {
    const account = await eventually(
      () => get(`/api/v1/points/${customer.qian}`, as.e1),
      (r) => r.status === 200,
    );
    expect(account.body).toMatchObject({ customerId: customer.qian, balance: 0, tier: 'STANDARD', entries: [] });
    expect(codeOf(await get(`/api/v1/points/${randomUUID()}`, as.e1))).toEqual([404, 'CUSTOMER_NOT_FOUND']);
  });

  it("plans the joint meeting, and fines 一部's head 10 yuan for its late daily sheet, once (J-7 via the sheet-cutoff sweep)", async () => {
    await at('2030-09-01T09:00:00+08:00');
    const planned = await eventually(
      () => post('/api/v1/meetings', { date: MEETING_DAY, slot: 'AFTERNOON', venue: '会议中心三楼', departmentIds: [ids.d1, ids.d2] }, as.head1),
      (res) => res.status === 201,
    );
    expect(planned.status).toBe(201);
    meeting = planned.body.id;

    await at('2030-09-03T17:00:00+08:00');
    expect((await post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: ids.d2, customerIds: [] }, as.head2)).body.late).toBe(false);
    await at('2030-09-03T18:30:00+08:00');
    expect((await post(`/api/v1/meetings/${meeting}/sheets`, { departmentId: ids.d1, customerIds: [] }, as.head1)).body.late).toBe(true);
    for (const finesImposed of [1, 0]) {
      const sweep = await post('/api/v1/admin/sweeps/sheet-cutoff', {});
      expect(sweep.status).toBe(200);
      expect(sweep.body.result).toEqual({ reconciled: finesImposed ? [{ meetingId: meeting, day: '2030-09-03' }] : [], finesImposed });
    }
    expect(await finesSeen('', as.head1, 1)).toEqual([[ids.head1, 'J-7', 1_000]]);
  });

  it('credits 钱老 100 points when 王阿姨, whom he brought, first attends a meeting (J-9, R-1)', async () => {
    await at(`${MEETING_DAY}T14:00:00+08:00`);
    const checkIn = await post(`/api/v1/meetings/${meeting}/check-ins`, { customerId: customer.wang, referrerId: customer.qian }, as.e1);
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({ firstAttendance: true, referrerId: customer.qian });

    const account = await pointsOfQian(1);
    expect(account).toMatchObject({ customerId: customer.qian, balance: 100, lifetimePoints: 100 });
    expect(reasons(account)).toEqual([[100, 'REFERRAL_ATTENDANCE']]);
    // The points are the referrer's; 王阿姨 earns none for being brought.
    expect((await get(`/api/v1/points/${customer.wang}`, as.e1)).body).toMatchObject({ balance: 0, entries: [] });

    const graph = await api.graphql(`query($id: ID!) { customer(id: $id) { name points { balance tier entries { points reason } } } }`, { id: customer.qian }, as.e1);
    expect(graph.errors).toBeUndefined();
    expect(graph.data.customer).toEqual({ name: '钱老', points: { balance: 100, tier: 'STANDARD', entries: [{ points: 100, reason: 'REFERRAL_ATTENDANCE' }] } });
  });

  it('credits 200 more for her 2,500-yuan purchase: full 1000s only (R-2)', async () => {
    const sold = await post(`/api/v1/meetings/${meeting}/sales`, { customerId: customer.wang, amountFen: 250_000 }, as.e1);
    expect(sold.status).toBe(201);
    expect(sold.body).toMatchObject({ amountFen: 250_000, referrerId: customer.qian, creditedEmployeeId: ids.e1, creditedDepartmentId: ids.d1 });
    sale = sold.body.id;

    const account = await pointsOfQian(2);
    expect(account).toMatchObject({ balance: 300, lifetimePoints: 300 });
    expect(reasons(account)).toEqual([[200, 'REFERRAL_SALES'], [100, 'REFERRAL_ATTENDANCE']]);
  });

  it('reverses the 100 points a refund of 600 yuan no longer earns: 1,900 yuan net earns 100 (R-2, R-3)', async () => {
    const refund = await post(`/api/v1/sales/${sale}/refunds`, { amountFen: 60_000 }, as.e1);
    expect(refund.status).toBe(201);

    const account = await pointsOfQian(3);
    expect(account).toMatchObject({ balance: 200, lifetimePoints: 200 });
    expect(reasons(account)).toEqual([[-100, 'REFERRAL_SALES_REVERSAL'], [200, 'REFERRAL_SALES'], [100, 'REFERRAL_ATTENDANCE']]);
    // Every entry names the event that caused it, and no event caused two.
    expect(new Set(account.entries.map((e) => e.sourceEventId)).size).toBe(3);
    const graph = await api.graphql(`query($id: ID!) { customer(id: $id) { points { balance lifetimePoints } } }`, { id: customer.qian }, as.head1);
    expect(graph.data.customer.points).toEqual({ balance: 200, lifetimePoints: 200 });
  });

  it('redeems once per Idempotency-Key, refuses a reused key, a missing key and an overdraft (R-3)', async () => {
    const key = randomUUID();
    const redeem = (body: unknown, headers: Record<string, string> = { 'idempotency-key': key }) =>
      post(`/api/v1/points/${customer.qian}/redemptions`, body, { ...as.clerk, ...headers });

    const first = await redeem({ points: 150, gift: '电饭煲' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ customerId: customer.qian, points: 150, gift: '电饭煲', balance: 50 });
    const replay = await redeem({ points: 150, gift: '电饭煲' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    expect(codeOf(await redeem({ points: 100, gift: '电饭煲' }))).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(codeOf(await redeem({ points: 10, gift: '毛巾' }, {}))).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
    const overdraft = await redeem({ points: 51, gift: '血压计' }, { 'idempotency-key': randomUUID() });
    expect(codeOf(overdraft)).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(overdraft.headers.get('content-type')).toMatch(/application\/problem\+json/);

    // One redemption came of the five requests: the balance is what it left, and never below zero.
    const account = await pointsOfQian(4);
    expect(account).toMatchObject({ balance: 50, lifetimePoints: 200 });
    expect(reasons(account)[0]).toEqual([-150, 'REDEMPTION']);
  });

  it('redeems through the graph with the same rules: the key replays, an overdraft is POINTS_INSUFFICIENT (R-3)', async () => {
    const redeem = (points: number, idempotencyKey: string) =>
      api.graphql(
        `mutation($c: ID!, $p: Int!, $k: String!) { redeemPoints(customerId: $c, points: $p, gift: "毛巾", idempotencyKey: $k) { points balance replayed account { balance } } }`,
        { c: customer.qian, p: points, k: idempotencyKey },
        as.clerk,
      );
    const key = randomUUID();
    expect((await redeem(20, key)).data?.redeemPoints).toEqual({ points: 20, balance: 30, replayed: false, account: { balance: 30 } });
    expect((await redeem(20, key)).data?.redeemPoints).toEqual({ points: 20, balance: 30, replayed: true, account: { balance: 30 } });
    expect((await redeem(31, randomUUID())).errors?.[0].extensions?.code).toBe('POINTS_INSUFFICIENT');
    expect((await pointsOfQian(5)).balance).toBe(30);
  });

  it('finds every cached balance equal to the sum of its entries after all of it (ledger-audit sweep, R-3)', async () => {
    const audit = await post('/api/v1/admin/sweeps/ledger-audit', {});
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ status: 'completed', result: { drift: 0, accounts: [] } });
    expect(audit.body.result.accountsChecked).toBeGreaterThanOrEqual(1);
  });

  it('fines each employee who argued in front of customers 100 yuan (J-11)', async () => {
    const dispute = await post(
      `/api/v1/meetings/${meeting}/disputes`,
      { partyEmployeeIds: [ids.e1, ids.e2], customerId: customer.wang, description: '两部员工当着顾客争执归属', arguedInFrontOfCustomers: true },
      as.coordinator,
    );
    expect(dispute.status).toBe(201);
    expect(await finesSeen('', as.gm, 3)).toEqual(
      [
        [ids.head1, 'J-7', 1_000],
        [ids.e1, 'J-11', 10_000],
        [ids.e2, 'J-11', 10_000],
      ].sort(),
    );
  });

  it("shows fines to the employee, their head and the general manager, and not to another employee or another department's head (R-4)", async () => {
    const own: [string, string, number][] = [[ids.e1, 'J-11', 10_000]];
    expect(await finesSeen('', as.e1, 1)).toEqual(own);
    expect(await finesSeen(`?employeeId=${ids.e1}`, as.e1, 1)).toEqual(own);
    expect(await finesSeen(`?employeeId=${ids.e1}`, as.head1, 1)).toEqual(own);
    expect(await finesSeen(`?employeeId=${ids.e1}`, as.gm, 1)).toEqual(own);
    expect(await finesSeen(`?departmentId=${ids.d1}`, as.head1, 2)).toEqual([[ids.head1, 'J-7', 1_000], [ids.e1, 'J-11', 10_000]].sort());

    // 员工乙 works beside 员工甲 but sees only their own fines (none); 二部's head sees 二部's only.
    expect(codeOf(await get(`/api/v1/fines?employeeId=${ids.e1}`, as.e1b))).toEqual([403, 'FINES_NOT_VISIBLE']);
    expect(codeOf(await get(`/api/v1/fines?departmentId=${ids.d1}`, as.e1b))).toEqual([403, 'FINES_NOT_VISIBLE']);
    expect((await get('/api/v1/fines', as.e1b)).body.items).toEqual([]);
    expect(codeOf(await get(`/api/v1/fines?departmentId=${ids.d1}`, as.head2))).toEqual([403, 'FINES_NOT_VISIBLE']);
    expect((await get(`/api/v1/fines?employeeId=${ids.e1}`, as.head2)).body.items).toEqual([]);
    expect((await get('/api/v1/fines', {})).status).toBe(401);
  });

  it("refuses 二部's head a redemption of 一部's customer as if there were none, and the balance stays (P-1)", async () => {
    const before = await pointsOfQian(5);
    const key = randomUUID();
    for (const points of [10, 100_000]) {
      const refused = await post(`/api/v1/points/${customer.qian}/redemptions`, { points, gift: '电饭煲' }, { ...as.head2, 'idempotency-key': key });
      expect(codeOf(refused)).toEqual([404, 'CUSTOMER_NOT_FOUND']);
      expect(refused.body.balance).toBeUndefined();
    }
    const graph = await api.graphql(
      `mutation($c: ID!, $k: String!) { redeemPoints(customerId: $c, points: 10, gift: "毛巾", idempotencyKey: $k) { balance } }`,
      { c: customer.qian, k: randomUUID() },
      as.head2,
    );
    expect(graph.errors?.[0].extensions?.code).toBe('CUSTOMER_NOT_FOUND');
    // Nor may 二部's staff, or a colleague of the owner, read 一部's customer's points; in the graph they are null.
    for (const who of [as.head2, as.e2, as.e1b]) expect(codeOf(await get(`/api/v1/points/${customer.qian}`, who))).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    const seen = await api.graphql(`query($id: ID!) { customer(id: $id) { name points { balance } } }`, { id: customer.qian }, as.head2);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.customer.points).toBeNull();

    const after = await get(`/api/v1/points/${customer.qian}`, as.e1);
    expect(after.body).toMatchObject({ balance: before.balance, lifetimePoints: before.lifetimePoints });
    expect(after.body.entries).toEqual(before.entries);
    // 一部's own head may redeem for her.
    const own = await post(`/api/v1/points/${customer.qian}/redemptions`, { points: 10, gift: '毛巾' }, { ...as.head1, 'idempotency-key': randomUUID() });
    expect(own.status).toBe(201);
    expect(own.body.balance).toBe(before.balance - 10);
  });

  it("reads a customer's points the moment customers registered them: 200 times, no 404 (read your writes)", async () => {
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = await register(`顾客${i}`, `137${String(30_000_000 + i)}`, as.e2);
      const res = await get(`/api/v1/points/${id}`, as.e2);
      if (res.status !== 200 || res.body.balance !== 0) failures.push(`${i}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('totals fines per month for whom may see them (R-4)', async () => {
    const period = 'from=2030-08-01&to=2030-09-30';
    const d1 = await get(`/api/v1/fines/totals?departmentId=${ids.d1}&${period}`, as.head1);
    expect(d1.status).toBe(200);
    expect(d1.body).toMatchObject({
      departmentId: ids.d1,
      months: [
        { month: '2030-08', count: 0, totalFen: 0 },
        { month: '2030-09', count: 2, totalFen: 11_000 },
      ],
      count: 2,
      totalFen: 11_000,
    });
    expect((await get(`/api/v1/fines/totals?${period}`, as.gm)).body).toMatchObject({ count: 3, totalFen: 21_000 });
    expect((await get(`/api/v1/fines/totals?employeeId=${ids.e1}&${period}`, as.e1)).body).toMatchObject({ count: 1, totalFen: 10_000 });
    expect(codeOf(await get(`/api/v1/fines/totals?employeeId=${ids.e1}&${period}`, as.e1b))).toEqual([403, 'FINES_NOT_VISIBLE']);
    expect((await get(`/api/v1/fines/totals?${period}`, as.e1b)).body).toMatchObject({ employeeId: ids.e1b, count: 0, totalFen: 0 });
  });
});
