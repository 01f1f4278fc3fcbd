import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/**
 * GraphQL twins of customers' REST operations (issue 14): partner keys, organisation reads, a customer's history,
 * sign-in and passwords, archive batches. Each calls the service REST calls and answers REST's codes.
 */
describe('customers: GraphQL twins of REST operations', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  const clerk = bearer(Role.CRM_CLERK, randomUUID(), null);
  const ids: Record<string, string> = {};
  const rest = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) => svc.inject({ method, url, payload: payload as object, headers });
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = admin) =>
    svc.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query, variables } }).then((r) => r.json());
  const codeOf = (answer: { errors?: Array<{ extensions?: { code?: string } }> }) => answer.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    ids.d1 = (await rest('POST', '/api/v1/departments', { name: '图一部', code: 'GQ1' })).json().id;
    ids.e1 = (await rest('POST', '/api/v1/employees', { name: '图员工', role: 'EMPLOYEE', departmentId: ids.d1, login: 'gq.employee' })).json().id;
    ids.customer = (await rest('POST', '/api/v1/customers', { name: '图顾客', phone: '15900009876', source: 'WALK_IN', ownerId: ids.e1 })).json().id;
  });

  afterAll(() => svc?.close());

  it('reads a department and an employee by id, NOT_FOUND codes as REST', async () => {
    const d = await gql('query($id: ID!) { department(id: $id) { id name code } }', { id: ids.d1 });
    expect(d.data.department).toEqual({ id: ids.d1, name: '图一部', code: 'GQ1' });
    const e = await gql('query($id: ID!) { employee(id: $id) { id name role departmentId } }', { id: ids.e1 }, clerk);
    expect(e.data.employee).toEqual({ id: ids.e1, name: '图员工', role: 'EMPLOYEE', departmentId: ids.d1 });
    const unknown = randomUUID();
    expect(codeOf(await gql('query($id: ID!) { department(id: $id) { id } }', { id: unknown }))).toBe((await rest('GET', `/api/v1/departments/${unknown}`)).json().code);
    expect(codeOf(await gql('query($id: ID!) { employee(id: $id) { id } }', { id: unknown }))).toBe('EMPLOYEE_NOT_FOUND');
    expect(codeOf(await gql('query($id: ID!) { employee(id: $id) { id } }', { id: 'nope' }))).toBe('VALIDATION_FAILED');
  });

  it("pages a customer's history newest first, as REST lists it", async () => {
    await rest('PATCH', `/api/v1/customers/${ids.customer}`, { address: '图地址' });
    const whole = (await rest('GET', `/api/v1/customers/${ids.customer}/history`)).json().items;
    expect(whole.length).toBeGreaterThan(0);
    const q = 'query($id: ID!, $after: String) { customerHistory(id: $id, first: 1, after: $after) { edges { cursor node { id kind } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await gql(q, { id: ids.customer, after })).data.customerHistory;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.map((h: { id: string }) => h.id));
    const unknown = randomUUID();
    expect(codeOf(await gql('query($id: ID!) { customerHistory(id: $id) { edges { cursor } } }', { id: unknown }))).toBe((await rest('GET', `/api/v1/customers/${unknown}/history`)).json().code);
  });

  it('issues, lists and revokes partner keys for an ADMIN only', async () => {
    const issued = (await gql('mutation { issueApiKey(input: { name: "图伙伴", scopes: ["customers:read"] }) { id name scopes key revokedAt } }')).data.issueApiKey;
    expect(issued).toMatchObject({ name: '图伙伴', scopes: ['customers:read'], revokedAt: null });
    expect(issued.key).toMatch(/^crm_/);
    const listed = (await gql('{ apiKeys(first: 200) { edges { node { id name } } pageInfo { hasNextPage } } }')).data.apiKeys;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(issued.id);
    const revoked = (await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: issued.id })).data.revokeApiKey;
    expect(revoked.revokedAt).not.toBeNull();
    const refused = await gql('{ apiKeys { edges { cursor } } }', {}, clerk);
    expect(codeOf(refused)).toBe((await rest('GET', '/api/v1/api-keys', undefined, clerk)).json().code);
    expect(codeOf(await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: randomUUID() }))).toBe('API_KEY_NOT_FOUND');
  });

  it('signs in, refreshes and signs out; sets and changes passwords; refuses wrong credentials as REST', async () => {
    const set = await gql('mutation($id: ID!) { setEmployeePassword(id: $id, input: { password: "a long first passphrase" }) }', { id: ids.e1 });
    expect(set.data.setEmployeePassword).toBe(true);
    expect(codeOf(await gql('mutation($id: ID!) { setEmployeePassword(id: $id, input: { password: "another passphrase" }) }', { id: ids.e1 }, clerk))).toBe('FORBIDDEN');
    const login = await gql('mutation { signIn(input: { login: "gq.employee", password: "a long first passphrase" }) { accessToken refreshToken expiresIn tokenType } }', {}, {});
    expect(login.data.signIn).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    const { accessToken, refreshToken } = login.data.signIn;
    const changed = await gql('mutation { changeOwnPassword(input: { currentPassword: "a long first passphrase", newPassword: "a long second passphrase" }) }', {}, { authorization: `Bearer ${accessToken}` });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.changeOwnPassword).toBe(true);
    const again = await gql('mutation { signIn(input: { login: "gq.employee", password: "a long second passphrase" }) { refreshToken } }', {}, {});
    const refreshed = await gql('mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { refreshToken } }', { t: again.data.signIn.refreshToken }, {});
    expect(refreshed.data.refreshSession.refreshToken).not.toBe(again.data.signIn.refreshToken);
    expect((await gql('mutation($t: String!) { signOut(input: { refreshToken: $t }) }', { t: refreshed.data.refreshSession.refreshToken }, {})).data.signOut).toBe(true);
    expect(refreshToken).toBeDefined();
    const wrong = await gql('mutation { signIn(input: { login: "gq.employee", password: "not the passphrase" }) { accessToken } }', {}, {});
    const wrongRest = await rest('POST', '/api/v1/auth/login', { login: 'gq.employee', password: 'not the passphrase' }, {});
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(wrongRest.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('answers an archive batch report and refuses what REST refuses', async () => {
    const unknown = randomUUID();
    expect(codeOf(await gql('query($id: ID!) { archiveBatch(id: $id) { id accepted } }', { id: unknown }, clerk))).toBe((await rest('GET', `/api/v1/archive-batches/${unknown}`, undefined, clerk)).json().code);
    const refused = await gql('mutation($o: ID!) { importArchiveBatch(input: { outreachEventId: $o, records: [{ name: "图档案", phone: "13800001111" }] }) { id } }', { o: randomUUID() }, bearer(Role.EMPLOYEE, ids.e1, ids.d1));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const unknownEvent = await gql('mutation($o: ID!) { importArchiveBatch(input: { outreachEventId: $o, records: [{ name: "图档案", phone: "13800001111" }] }) { id } }', { o: unknown }, clerk);
    expect(codeOf(unknownEvent)).toBe((await rest('POST', '/api/v1/archive-batches', { outreachEventId: unknown, records: [{ name: '图档案', phone: '13800001111' }] }, clerk)).json().code);
    expect(codeOf(await gql('mutation($id: ID!) { allocateArchiveBatch(id: $id) { batchId } }', { id: unknown }))).toBe((await rest('POST', `/api/v1/archive-batches/${unknown}/allocation`)).json().code);
  });
});
