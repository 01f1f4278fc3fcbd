import { buildSchema, DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { aliasLimitRule, operationAliases } from './alias-limit.rule';
import { costLimitRule, operationCost } from './cost-limit.rule';
import { depthLimitRule, operationDepth } from './depth-limit.rule';

const schema = buildSchema(`
  type Query {
    customer(id: ID!): Customer
    customers(first: Int, after: String): CustomerConnection!
    departments: [Department!]!
    search(limit: Int): [SearchResult!]!
    node(id: ID!): Node
  }
  type Mutation { registerCustomer(name: String!): Customer }
  interface Node { id: ID! }
  type Customer implements Node { id: ID! name: String tags: [String!]! owner: Employee complaints: [Complaint!]! referrer: Customer }
  type Employee implements Node { id: ID! name: String department: Department }
  type Department implements Node { id: ID! name: String employees(first: Int): [Employee!]! }
  type Complaint { id: ID! status: String }
  type CustomerConnection { edges: [CustomerEdge!]! nodes: [Customer!]! pageInfo: PageInfo! totalCount: Int }
  type CustomerEdge { cursor: String node: Customer! }
  type PageInfo { hasNextPage: Boolean endCursor: String }
  union SearchResult = Customer | Employee
`);

function pieces(source: string): { operation: OperationDefinitionNode; fragmentOf: (n: string) => FragmentDefinitionNode | undefined; document: DocumentNode } {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { operation, fragmentOf: (n) => fragments.get(n), document };
}

const depth = (q: string, cap?: number) => {
  const p = pieces(q);
  return operationDepth(p.operation, p.fragmentOf, cap);
};
const aliases = (q: string) => {
  const p = pieces(q);
  return operationAliases(p.operation, p.fragmentOf);
};
const cost = (q: string, variables?: Record<string, unknown>) => {
  const p = pieces(q);
  return operationCost(schema, p.operation, p.fragmentOf, { defaultListSize: 10, variables });
};

function errorsOf(q: string, rule: ValidationRule) {
  return validate(schema, parse(q), [...specifiedRules, rule]);
}

/** `{ customer(id: 1) { referrer { referrer { … id … } } } }` with `n` levels of fields in all. */
function nested(n: number): string {
  let inner = 'id';
  for (let i = 0; i < n - 2; i++) inner = `referrer { ${inner} }`;
  return `{ customer(id: 1) { ${inner} } }`;
}

describe('depth', () => {
  it.each([
    ['{ customer(id: 1) { id } }', 2],
    ['{ customer(id: 1) { id owner { id department { name } } } }', 4],
    ['{ departments { id } customer(id: 1) { owner { department { employees { id } } } } }', 5],
    ['query { __typename }', 0],
    ['{ customer(id: 1) { __typename id } }', 2],
    ['{ __schema { types { fields { type { ofType { name } } } } } }', 0],
    ['{ customer(id: 1) { ...C } } fragment C on Customer { owner { department { id } } }', 4],
    ['{ ...Q } fragment Q on Query { customer(id: 1) { ...C } } fragment C on Customer { owner { id } }', 3],
    ['{ node(id: 1) { ... on Customer { owner { department { id } } } ... on Employee { id } } }', 4],
    ['{ search(limit: 2) { ... on Employee { department { employees { department { id } } } } } }', 5],
  ])('of %s is %i', (q, expected) => expect(depth(q)).toBe(expected));

  it('counts a fragment wherever it is spread', () => {
    const q = `{ customer(id: 1) { ...C referrer { ...C } } } fragment C on Customer { owner { department { id } } }`;
    expect(depth(q)).toBe(5);
  });

  it('survives fragment cycles (another rule reports them)', () => {
    expect(depth('{ customer(id: 1) { ...A } } fragment A on Customer { referrer { ...B } } fragment B on Customer { referrer { ...A } }')).toBe(3);
  });

  it('stops counting past the cap', () => {
    expect(depth(nested(50), 10)).toBe(Number.POSITIVE_INFINITY);
    expect(depth(nested(10), 10)).toBe(10);
    expect(depth(nested(11), 10)).toBe(Number.POSITIVE_INFINITY);
    const viaFragment = `{ customer(id: 1) { referrer { referrer { ...C } } } } fragment C on Customer { referrer { referrer { id } } }`;
    expect(depth(viaFragment)).toBe(6);
    expect(depth(viaFragment, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(depth(viaFragment, 6)).toBe(6);
  });

  it('does not blow up on a fragment bomb', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Customer { referrer { ...F${i + 1} } owner { id } ...F${i + 1} }`);
    const q = `{ customer(id: 1) { ...F0 } } ${levels.join(' ')} fragment F30 on Customer { id }`;
    const started = Date.now();
    expect(depth(q, 100)).toBe(32);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses, as a validation rule, deeper operations with GRAPHQL_DEPTH_LIMIT', () => {
    expect(errorsOf(nested(10), depthLimitRule(10))).toEqual([]);
    const errors = errorsOf(`query Deep ${nested(11)}`, depthLimitRule(10));
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({ code: 'GRAPHQL_DEPTH_LIMIT', limit: 10 });
    expect(errors[0].message).toMatch(/Operation "Deep" is nested deeper than the limit of 10/);
  });

  it('checks every operation of a document', () => {
    const q = `query A { customer(id: 1) { id } } query B { customer(id: 1) { owner { department { id } } } }`;
    const errors = errorsOf(q, depthLimitRule(3));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('"B"')]);
  });
});

describe('aliases', () => {
  it.each([
    ['{ customer(id: 1) { id } }', 0],
    ['{ a: customer(id: 1) { id } b: customer(id: 2) { id } }', 2],
    ['{ a: customer(id: 1) { x: id y: name owner { z: id } } }', 4],
    ['{ customer(id: 1) { id: id } }', 1],
    ['{ customer(id: 1) { ...C } } fragment C on Customer { a: id b: name }', 2],
    ['{ x: customer(id: 1) { ...C } y: customer(id: 2) { ...C } } fragment C on Customer { a: id b: name }', 6],
    ['{ node(id: 1) { ... on Customer { a: id } ... on Employee { b: id } } }', 2],
    ['{ customer(id: 1) { ...A } } fragment A on Customer { a: id ...B ...B } fragment B on Customer { b: id c: name }', 5],
  ])('in %s: %i', (q, expected) => expect(aliases(q)).toBe(expected));

  it('counts exponential fragment fan-out without walking it', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Customer { ...F${i + 1} ...F${i + 1} }`);
    const q = `{ customer(id: 1) { ...F0 } } ${levels.join(' ')} fragment F40 on Customer { a: id }`;
    expect(aliases(q)).toBe(2 ** 40);
  });

  it('refuses, as a validation rule, more aliases than allowed with GRAPHQL_ALIAS_LIMIT', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: customer(id: ${i}) { id }`).join(' ');
    expect(errorsOf(`{ ${fields(3)} }`, aliasLimitRule(3))).toEqual([]);
    const errors = errorsOf(`{ ${fields(4)} }`, aliasLimitRule(3));
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({ code: 'GRAPHQL_ALIAS_LIMIT', limit: 3, actual: 4 });
  });

  it('allows none when the limit is 0', () => {
    expect(errorsOf('{ customer(id: 1) { id } }', aliasLimitRule(0))).toEqual([]);
    expect(errorsOf('{ c: customer(id: 1) { id } }', aliasLimitRule(0))).toHaveLength(1);
  });
});

describe('cost', () => {
  it.each([
    ['{ customer(id: 1) { id } }', 2],
    ['{ customer(id: 1) { id name owner { id } } }', 5],
    ['{ customer(id: 1) { tags } }', 2],
    // a list without a size counts as the default of 10 items
    ['{ departments { id name } }', 21],
    ['{ customer(id: 1) { complaints { id status } } }', 1 + 1 + 10 * 2],
    // a connection hands its size to the lists under it, once
    ['{ customers(first: 20) { edges { node { id } } } }', 1 + 1 + 20 * 2],
    ['{ customers(first: 20) { nodes { id name } totalCount pageInfo { hasNextPage } } }', 1 + (1 + 20 * 2) + 1 + (1 + 1)],
    ['{ customers { edges { cursor } } }', 1 + 1 + 10],
    ['{ customers(first: 5) { edges { node { complaints { id } } } } }', 1 + 1 + 5 * (1 + (1 + 10))],
    ['{ search(limit: 3) { ... on Customer { id name } } }', 1 + 3 * 2],
    ['{ departments { employees(first: 2) { id } } }', 1 + 10 * (1 + 2)],
    ['{ customers(first: 0) { edges { node { id } } } }', 2],
    ['{ customer(id: 1) { ...C } } fragment C on Customer { id owner { id } }', 4],
    ['{ __schema { types { name } } }', 0],
    ['mutation { registerCustomer(name: "x") { id } }', 2],
  ])('of %s is %i', (q, expected) => expect(cost(q)).toBe(expected));

  it('reads sizes from variables when they are known, else from their defaults, else the default size', () => {
    const q = 'query ($n: Int, $m: Int = 3) { customers(first: $n) { nodes { id } } search(limit: $m) { ... on Employee { id } } }';
    expect(cost(q)).toBe(1 + (1 + 10) + (1 + 3));
    expect(cost(q, { n: 100, m: 1 })).toBe(1 + (1 + 100) + (1 + 1));
    expect(cost(q, { n: null })).toBe(1 + (1 + 10) + (1 + 3));
  });

  it('multiplies nested fragments by their parents', () => {
    const q = `{ customers(first: 4) { nodes { ...C } } } fragment C on Customer { id complaints { ...K } } fragment K on Complaint { id status }`;
    expect(cost(q)).toBe(1 + 1 + 4 * (1 + 1 + 10 * 2));
  });

  it('refuses, as a validation rule, costlier operations with GRAPHQL_COST_LIMIT', () => {
    const q = '{ customers(first: 100) { edges { node { id complaints { id } } } } }';
    expect(cost(q)).toBe(1 + 1 + 100 * (1 + 1 + 1 + 10));
    expect(errorsOf(q, costLimitRule(1302, 10))).toEqual([]);
    const errors = errorsOf(q, costLimitRule(1301, 10));
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({ code: 'GRAPHQL_COST_LIMIT', limit: 1301, actual: 1302 });
  });

  it('keeps a fragment bomb finite and fast', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Customer { ...F${i + 1} referrer { ...F${i + 1} } }`);
    const q = `{ customer(id: 1) { ...F0 } } ${levels.join(' ')} fragment F40 on Customer { id }`;
    const started = Date.now();
    expect(cost(q)).toBeGreaterThan(1e9);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
