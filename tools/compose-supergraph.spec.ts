import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asFederation2, composeSubgraphs, findSubgraphs, parseArgs, placeholderUrl, run, RunOptions } from './compose-supergraph';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

const CUSTOMERS = `${LINK}
type Customer @key(fields: "id") { id: ID! name: String }
type Query { customer(id: ID!): Customer }
`;

const REWARDS = `${LINK}
type Customer @key(fields: "id") { id: ID! points: PointsAccount }
type PointsAccount { balance: Int! }
type Query { pointsLeaders: [Customer!]! }
`;

describe('compose-supergraph', () => {
  let root: string;
  let apps: string;
  let out: string;
  let logs: string[];
  let errors: string[];

  const write = (service: string, sdl: string) => {
    mkdirSync(join(apps, service), { recursive: true });
    writeFileSync(join(apps, service, 'schema.graphql'), sdl);
  };
  const options = (check = false): RunOptions => ({
    appsDir: apps,
    outFile: out,
    check,
    log: (l) => logs.push(l),
    error: (l) => errors.push(l),
  });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'compose-'));
    apps = join(root, 'apps');
    out = join(apps, 'gateway', 'supergraph.graphql');
    mkdirSync(join(apps, 'gateway'), { recursive: true });
    mkdirSync(join(apps, 'customers', 'src'), { recursive: true });
    writeFileSync(join(apps, 'customers', 'src', 'config.ts'), "PORT: env.port('HTTP port, of the customers service', 4001),");
    logs = [];
    errors = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('composes every service that has a schema, skipping those that have none yet', () => {
    write('customers', CUSTOMERS);
    write('rewards', REWARDS);
    mkdirSync(join(apps, 'campaigns', 'src'), { recursive: true }); // not built yet: no schema.graphql

    expect(findSubgraphs(apps).map((s) => s.name)).toEqual(['customers', 'rewards']);
    expect(run(options())).toBe(0);
    const supergraph = readFileSync(out, 'utf8');
    expect(supergraph).toMatch(/^# The suite's supergraph/);
    expect(supergraph).toContain('# Subgraphs: customers, rewards');
    expect(supergraph).toContain('@join__graph(name: "customers", url: "http://customers:4001/graphql")');
    expect(supergraph).toContain('@join__graph(name: "rewards", url: "http://rewards/graphql")');
    expect(supergraph).toMatch(/type Customer[\s\S]*points: PointsAccount/);
    expect(errors).toEqual([]);
  });

  it('passes --check when the committed supergraph is fresh and fails it when a schema changed', () => {
    write('customers', CUSTOMERS);
    expect(run(options(true))).toBe(1);
    expect(errors.join()).toMatch(/does not exist/);

    expect(run(options())).toBe(0);
    errors = [];
    expect(run(options(true))).toBe(0);
    expect(errors).toEqual([]);

    // Layout and comments are not the schema: a formatter run over the file keeps --check green.
    writeFileSync(out, readFileSync(out, 'utf8').replace(/^# .*\n/gm, '').replace(/\n\n/g, '\n').replace(/  /g, '    '));
    expect(run(options(true))).toBe(0);

    write('customers', CUSTOMERS.replace('name: String', 'name: String\n  phone: String'));
    expect(run(options(true))).toBe(1);
    expect(errors.join()).toMatch(/differs from a fresh composition/);
    expect(readFileSync(out, 'utf8')).not.toContain('phone'); // --check never writes
  });

  it('fails, naming the problem, when two subgraphs define the same field without @shareable', () => {
    write('customers', CUSTOMERS);
    write('rewards', `${LINK}\ntype Customer @key(fields: "id") { id: ID! name: String }\ntype Query { customer(id: ID!): Customer }\n`);
    expect(run(options())).toBe(1);
    expect(errors.join('\n')).toMatch(/INVALID_FIELD_SHARING/);
    expect(run(options(true))).toBe(1);
  });

  it('reads a schema printed without a federation @link (as @nestjs/graphql prints it) as Federation 2', () => {
    // Nest-style: no @link, directives used bare.
    write('customers', 'type Customer @key(fields: "id") { id: ID! name: String }\ntype Money @shareable { fen: Int! }\ntype Query { customer(id: ID!): Customer }\n');
    write('rewards', `${LINK}\ntype Money @shareable { fen: Int! }\ntype Query { balance: Money }\n`);
    expect(run(options())).toBe(0);
    expect(asFederation2('type A @key(fields: "id") @shareable { id: ID! }')).toMatch(
      /^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.3", import: \["@key", "@shareable"\]\)/,
    );
    expect(asFederation2(CUSTOMERS)).toBe(CUSTOMERS);
  });

  it('so two such schemas sharing a value type without @shareable fail as Federation 2 says', () => {
    // As Federation 1 this would compose silently, every value type being shareable there.
    write('customers', 'type Address { city: String }\ntype Query { home: Address }\n');
    write('rewards', 'type Address { city: String }\ntype Query { work: Address }\n');
    expect(run(options())).toBe(1);
    expect(errors.join('\n')).toMatch(/INVALID_FIELD_SHARING/);
  });

  it('fails on a schema that does not parse, naming the file', () => {
    write('customers', 'type Query { customer(id: ID!): }');
    const result = composeSubgraphs(findSubgraphs(apps));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toContain(join('customers', 'schema.graphql'));
  });

  it('fails when there is no subgraph at all', () => {
    expect(run(options())).toBe(1);
    expect(errors.join()).toMatch(/no subgraph schema found/);
  });

  it('writes the same bytes for the same schemas', () => {
    write('rewards', REWARDS);
    write('customers', CUSTOMERS);
    run(options());
    const first = readFileSync(out, 'utf8');
    run(options());
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(logs.at(-1)).toMatch(/^Unchanged/);
  });

  it('takes the placeholder port from the service config when it has one', () => {
    expect(placeholderUrl(apps, 'customers')).toBe('http://customers:4001/graphql');
    expect(placeholderUrl(apps, 'service-visits')).toBe('http://service-visits/graphql');
  });

  it('parses its options relative to the workspace root', () => {
    const o = parseArgs(['--check', '--apps-dir', 'x/apps', '--out', 'x/sg.graphql'], '/ws');
    expect(o).toMatchObject({ appsDir: '/ws/x/apps', outFile: '/ws/x/sg.graphql', check: true });
    expect(parseArgs([], '/ws')).toMatchObject({ appsDir: '/ws/apps', outFile: '/ws/apps/gateway/supergraph.graphql', check: false });
    expect(() => parseArgs(['--chek'], '/ws')).toThrow(/unknown option/);
    expect(() => parseArgs(['--out'], '/ws')).toThrow(/needs a value/);
  });
});
