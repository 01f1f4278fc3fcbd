import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { ComplaintsHarness, Department } from '../testing/harness';

const LIST = `query ($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) { edges { cursor node { id customerId status } } pageInfo { hasNextPage endCursor } }
}`;

/** GraphQL twins of REST's complaint list (issue 14): the same service call, a connection, the same error codes. */
describe('complaints: GraphQL list (as GET /api/v1/complaints)', () => {
  let h: ComplaintsHarness;
  let d1: Department;
  let customer: string;
  const filed: string[] = [];

  beforeAll(async () => {
    h = await ComplaintsHarness.start();
    d1 = await h.department('G1');
    customer = await h.customer(d1.employeeIds[0], d1.id);
    for (let i = 0; i < 3; i++) filed.push((await h.file({ customerId: customer, employeeId: d1.employeeIds[0] })).json().id);
    // Another customer's complaint, left out by the filter.
    await h.file({ customerId: await h.customer(d1.employeeIds[1], d1.id), employeeId: d1.employeeIds[1] });
  });

  afterAll(() => h?.close());

  it('pages through a customer’s complaints in filing order, as REST lists them', async () => {
    const first = (await h.graphql(LIST, { filter: { customerId: customer }, first: 2 })).json();
    expect(first.errors).toBeUndefined();
    const page1 = first.data.complaints;
    expect(page1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(filed.slice(0, 2));
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const rest = (await h.get(`/api/v1/complaints?customerId=${customer}&limit=2`)).json();
    expect(rest.nextCursor).toBe(page1.pageInfo.endCursor);

    const second = (await h.graphql(LIST, { filter: { customerId: customer }, first: 2, after: page1.pageInfo.endCursor })).json();
    expect(second.data.complaints.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(filed.slice(2));
    expect(second.data.complaints.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('shows an employee only the complaints naming them', async () => {
    const mine = (await h.graphql(LIST, { first: 50 }, d1.employees[1])).json().data.complaints.edges;
    expect(mine).toHaveLength(1);
    expect(mine[0].node.customerId).not.toBe(customer);
  });

  it('refuses a role with no part in complaints with the code REST answers', async () => {
    const director = bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null);
    const rest = await h.get('/api/v1/complaints', director);
    const gql = (await h.graphql(LIST, {}, director)).json();
    expect(rest.json().code).toBe('COMPLAINT_NOT_VISIBLE');
    expect(gql.data).toBeNull();
    expect(gql.errors[0].extensions.code).toBe(rest.json().code);
  });

  it('refuses a page size out of range and a cursor it never gave out', async () => {
    expect((await h.graphql(LIST, { first: 0 })).json().errors[0].extensions.code).toBe('VALIDATION_FAILED');
    expect((await h.graphql(LIST, { after: 'nonsense' })).json().errors[0].extensions.code).toBe('INVALID_CURSOR');
  });
});
