import { randomUUID } from 'node:crypto';
import { codeOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';

/**
 * A partner's retried POST through the gateway (docs/api/partners.md "Retrying safely"): the hotline system files a
 * complaint with an API key and an Idempotency-Key, loses the answer and sends the same request again; one
 * complaint is filed and the retry gets the first answer, marked `Idempotency-Replayed: true`.
 */
describe('suite: a partner retries filing a complaint with the same Idempotency-Key', () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get, tokenOf, twoDepartments, register } = session;
  let partner: Record<string, string>;
  let customer: string;
  const complaint = (description: string) => ({ customerId: customer, cause: 'SERVICE_NOT_IN_PLACE', channel: 'PARTNER', description });
  const complaintsOfCustomer = async () => (await get(`/api/v1/complaints?customerId=${customer}&limit=100`)).body.items.length as number;

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers', 'complaints'], env: { COMPLAINT_SLA_CRON: '0 0 1 1 *' } });
    session.connect(suite);
    const ids = await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } });
    customer = await register('王阿姨', '139 2000 0101', await tokenOf(ids.e1));
    const issued = await post('/api/v1/api-keys', { name: 'hotline', scopes: ['complaints:write'] });
    expect(issued.status).toBe(201);
    partner = { 'x-api-key': issued.body.key };
    // Complaints hears of the key and the customer through events: wait until the partner can file (fresh keys,
    // so nothing is kept under the key the test uses).
    const ready = await eventually(
      () => post('/api/v1/complaints', complaint('开通'), { ...partner, 'idempotency-key': randomUUID() }),
      (res) => res.status === 201,
    );
    expect(ready.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('files one complaint for a request sent twice, and answers the retry with the first answer', async () => {
    const key = randomUUID();
    const before = await complaintsOfCustomer();
    const first = await post('/api/v1/complaints', complaint('热线：服务人员未按约上门'), { ...partner, 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const retry = await post('/api/v1/complaints', complaint('热线：服务人员未按约上门'), { ...partner, 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await complaintsOfCustomer()).toBe(before + 1);
  });

  it('files one complaint for concurrent twins, and refuses the key for another complaint (422)', async () => {
    const key = randomUUID();
    const before = await complaintsOfCustomer();
    const twins = await Promise.all([1, 2, 3].map(() => post('/api/v1/complaints', complaint('热线：并发重试'), { ...partner, 'idempotency-key': key })));
    expect(twins.map((t) => (t.status === 201 ? 201 : codeOf(t)[1])).filter((s) => s !== 201 && s !== 'IDEMPOTENCY_KEY_IN_PROGRESS')).toEqual([]);
    expect(await complaintsOfCustomer()).toBe(before + 1);
    const reused = await post('/api/v1/complaints', complaint('热线：另一件事'), { ...partner, 'idempotency-key': key });
    expect(codeOf(reused)).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await complaintsOfCustomer()).toBe(before + 1);
  });
});
