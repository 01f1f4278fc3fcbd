import { BenchContext } from './support/bench-context';
import { Comparison, Side } from './support/comparison';
import { LoadFigures, LoadTarget, measurePair } from './support/load';

// Every scalar field of the REST view, so both benchmarks move the same data; no relation, so the gateway's
// plan is one fetch from one subgraph, which is what `customer(id)` costs a frontend.
const QUERY = `query Customer($id: ID!) {
  customer(id: $id) { id name phone gender birthDate address source stage valueTier ownerId departmentId referrerId underServed createdAt }
}`;

const side = (label: string, f: LoadFigures, runs = 2): Side => ({
  label,
  rate: f.requestsPerSecond,
  unit: 'req/s',
  p50Ms: f.latencyP50Ms,
  p99Ms: f.latencyP99Ms,
  count: f.requests,
  failures: f.failures,
  spread: f.spread,
  runs,
});

async function answer(url: string, body: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await res.text();
  const parsed = JSON.parse(text) as { data?: { customer?: { id?: string } }; errors?: unknown };
  if (res.status !== 200 || parsed.errors || !parsed.data?.customer?.id) throw new Error(`POST ${url}/graphql answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * 2. GraphQL `customer(id)` through the gateway against the same operation sent straight to the customers
 * subgraph (the service's own /graphql). Same caller as the REST benchmark: the owner.
 */
export async function gatewayReadBench(ctx: BenchContext): Promise<Comparison> {
  const { suite, company, settings } = ctx;
  const subgraphUrl = suite.serviceUrls.customers;
  const bodies = company.customerIds.map((id) => JSON.stringify({ query: QUERY, variables: { id } }));
  const headers = { ...company.headers.owner, 'content-type': 'application/json' };
  const target = (url: string): LoadTarget => ({
    url: `${url}/graphql`,
    method: 'POST',
    headers,
    request: (n) => ({ body: bodies[n % bodies.length] }),
  });

  const [viaGateway, direct] = await Promise.all([answer(suite.gatewayUrl, bodies[0], headers), answer(subgraphUrl, bodies[0], headers)]);
  if (viaGateway !== direct) throw new Error(`the gateway answers differently from the subgraph:\n${viaGateway}\n${direct}`);

  ctx.log('GraphQL: the customers subgraph directly and through the gateway');
  const pair = await measurePair(target(suite.gatewayUrl), target(subgraphUrl), settings);
  return {
    name: 'GraphQL `customer(id)` (owner reads)',
    ours: side('gateway → customers subgraph', pair.ours),
    baseline: side('customers subgraph directly', pair.baseline),
    target: 0.4,
    notes: [`identical GraphQL answers on both sides (${Buffer.byteLength(direct)} bytes); each read is audited on both sides`],
  };
}
