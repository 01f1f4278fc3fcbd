import { JointCompany } from './campaigns-seed';

/** The federated read: the customer's own fields from customers, and one field from each other subgraph. */
const CUSTOMER_QUERY = `query Customer($id: ID!) {
  customer(id: $id) { id name phone stage valueTier points { balance } complaints { id } serviceRecords { id } invitations { id status } }
}`;

export type LoadKind = 'rest' | 'graphql' | 'invitation';
export const LOAD_KINDS: LoadKind[] = ['rest', 'graphql', 'invitation'];

export interface MixedLoadFigures {
  seconds: number;
  /** Answers by kind and HTTP status ("rest 200" → n); "error" for a request that failed on the socket. */
  answers: Map<string, number>;
  requests: number;
}

/**
 * A mixed load through the gateway for `seconds`, by `connections` callers each taking the next request of the
 * round: an owner's REST read of a customer, the federated GraphQL read of one, and an invitation of one of her
 * customers to a joint meeting (each pair of meeting and customer once: invitations walk the customers, then the
 * next meeting). `next` carries on where the last load stopped, so a second load invites anew.
 */
export async function mixedLoad(gatewayUrl: string, company: JointCompany, meetings: string[], seconds: number, connections: number, next: { request: number; invitation: number }): Promise<MixedLoadFigures> {
  const answers = new Map<string, number>();
  const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
  const customers = company.customers;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let requests = 0;
  const call = async (kind: LoadKind, n: number) => {
    const customer = customers[n % customers.length];
    const json = { ...customer.owner.headers, 'content-type': 'application/json' };
    if (kind === 'rest') return fetch(`${gatewayUrl}/api/v1/customers/${customer.id}`, { headers: customer.owner.headers });
    if (kind === 'graphql') return fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: CUSTOMER_QUERY, variables: { id: customer.id } }) });
    const meeting = meetings[Math.floor(n / customers.length)];
    if (!meeting) throw new Error('the memory load ran out of joint meetings to invite to');
    return fetch(`${gatewayUrl}/api/v1/meetings/${meeting}/invitations`, { method: 'POST', headers: json, body: JSON.stringify({ customerId: customer.id }) });
  };
  const caller = async () => {
    while (performance.now() < end) {
      const kind = LOAD_KINDS[next.request++ % LOAD_KINDS.length];
      const n = kind === 'invitation' ? next.invitation++ : next.request;
      requests++;
      try {
        const res = await call(kind, n);
        await res.arrayBuffer();
        count(`${kind} ${res.status}`);
      } catch {
        count(`${kind} error`);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  return { seconds: (performance.now() - started) / 1000, answers, requests };
}

/** "rest 200 × 3,210, graphql 200 × 3,200, invitation 201 × 3,190": what a load got back. */
export const answersLine = (f: MixedLoadFigures) =>
  [...f.answers]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} × ${n.toLocaleString('en')}`)
    .join(', ');
