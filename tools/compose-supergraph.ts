/**
 * Composes the suite's supergraph from the subgraph schemas the services commit (`apps/<service>/schema.graphql`)
 * and writes `apps/gateway/supergraph.graphql`, the only schema the gateway serves (architecture.md
 * "Federation, not stitching").
 *
 *   node dist/tools/compose-supergraph.js            write the supergraph
 *   node dist/tools/compose-supergraph.js --check    exit 1 when the committed file is stale or composition fails (CI)
 *
 * (build first: `npx swc apps libs tools -d dist`). Options: `--apps-dir <dir>`, `--out <file>`.
 * A service that has no schema.graphql yet is skipped; it joins the supergraph when its schema lands.
 */
import { composeServices } from '@apollo/composition';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse, print } from 'graphql';

export const SCHEMA_FILE = 'schema.graphql';

export interface SubgraphSource {
  /** The service folder's name: also the subgraph's name, by which the gateway finds the service's URL. */
  name: string;
  /** Placeholder only: the gateway replaces it with the URL its config gives for `name`. */
  url: string;
  sdl: string;
  file: string;
}

export type Composition = { ok: true; supergraph: string; hints: string[] } | { ok: false; errors: string[] };

/** Every `<appsDir>/<service>/schema.graphql`, in name order so the output never depends on the file system. */
export function findSubgraphs(appsDir: string): SubgraphSource[] {
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, SCHEMA_FILE)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(appsDir, name, SCHEMA_FILE);
      return { name, url: placeholderUrl(appsDir, name), sdl: readFileSync(file, 'utf8'), file };
    });
}

/**
 * `http://<service>:<port>/graphql`, the port read from the service's config (`PORT: env.port('…', 4001)`), so
 * a new service needs no entry here. The gateway overrides it anyway; it only has to be stable.
 */
export function placeholderUrl(appsDir: string, name: string): string {
  const configFile = join(appsDir, name, 'src', 'config.ts');
  const source = existsSync(configFile) ? readFileSync(configFile, 'utf8') : '';
  const port = /\bPORT:\s*env\.port\([\s\S]*?,\s*(\d+)\s*\)/.exec(source)?.[1];
  return `http://${name}${port ? `:${port}` : ''}/graphql`;
}

/** Federation 2 directives a subgraph may use without defining them. */
const FEDERATION_DIRECTIVES = ['key', 'shareable', 'external', 'requires', 'provides', 'override', 'inaccessible', 'tag', 'interfaceObject', 'composeDirective', 'extends'];
const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.3';

/**
 * Every service is a Federation 2 subgraph (architecture.md), but @nestjs/graphql prints its schema file
 * without the `@link` that says so, and composition would then treat it as Federation 1 (where, for one,
 * every value type is silently shareable). So a schema without a federation `@link` gets one, importing
 * the federation directives it uses.
 */
export function asFederation2(sdl: string): string {
  if (/@link\(\s*url:\s*"https:\/\/specs\.apollo\.dev\/federation\//.test(sdl)) return sdl;
  const used = FEDERATION_DIRECTIVES.filter((name) => new RegExp(`@${name}\\b`).test(sdl));
  const imports = used.map((name) => `"@${name}"`).join(', ');
  return `extend schema @link(url: "${FEDERATION_SPEC}", import: [${imports}])\n\n${sdl}`;
}

/** Composes the subgraphs, or says why they do not compose (each error with the subgraph it comes from). */
export function composeSubgraphs(subgraphs: SubgraphSource[]): Composition {
  if (subgraphs.length === 0) return { ok: false, errors: [`no subgraph schema found (looked for apps/*/${SCHEMA_FILE})`] };
  const services: Parameters<typeof composeServices>[0] = [];
  for (const s of subgraphs) {
    try {
      parse(s.sdl); // errors name lines of the file as written
      services.push({ name: s.name, url: s.url, typeDefs: parse(asFederation2(s.sdl)) });
    } catch (error) {
      return { ok: false, errors: [`${s.file}: ${(error as Error).message}`] };
    }
  }
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`) };
  const header = [
    '# The suite\'s supergraph, composed by tools/compose-supergraph.ts from apps/<service>/schema.graphql. Do not edit:',
    '# change a service\'s schema and compose again. Subgraph URLs are placeholders; the gateway takes them from config.',
    `# Subgraphs: ${subgraphs.map((s) => s.name).join(', ')}`,
    '',
  ].join('\n');
  return { ok: true, supergraph: `${header}${result.supergraphSdl.trimEnd()}\n`, hints: result.hints.map((h) => h.toString()) };
}

export interface RunOptions {
  appsDir: string;
  outFile: string;
  check: boolean;
  log: (line: string) => void;
  error: (line: string) => void;
}

/** The whole tool; returns the exit code instead of exiting, so tests can run it in-process. */
export function run(options: RunOptions): number {
  const subgraphs = findSubgraphs(options.appsDir);
  const composition = composeSubgraphs(subgraphs);
  if (!composition.ok) {
    options.error(`Composition failed:\n${composition.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  options.log(`Composed ${subgraphs.length} subgraph(s): ${subgraphs.map((s) => s.name).join(', ')}`);
  for (const hint of composition.hints) options.log(`  hint: ${hint}`);

  const current = existsSync(options.outFile) ? readFileSync(options.outFile, 'utf8') : undefined;
  if (options.check) {
    if (current !== undefined && sameSchema(current, composition.supergraph)) {
      options.log(`${options.outFile} is up to date`);
      return 0;
    }
    options.error(
      current === undefined
        ? `${options.outFile} does not exist; compose it and commit it`
        : `${options.outFile} differs from a fresh composition of the subgraph schemas; compose it again and commit the result`,
    );
    return 1;
  }
  if (current !== composition.supergraph) writeFileSync(options.outFile, composition.supergraph);
  options.log(`${current === composition.supergraph ? 'Unchanged' : 'Wrote'} ${options.outFile}`);
  return 0;
}

/** Same schema, whatever the layout and comments (a formatter run over the file is not a schema change). */
export function sameSchema(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return print(parse(a)) === print(parse(b));
  } catch {
    return false;
  }
}

/** The workspace root: the nearest folder up from `start` with an nx.json, so the tool runs from anywhere inside. */
export function workspaceRoot(start = process.cwd()): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return resolve(start);
  }
}

export function parseArgs(argv: string[], root = workspaceRoot()): RunOptions {
  const valueOf = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i === -1) return undefined;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    return value;
  };
  const known = new Set(['--check', '--apps-dir', '--out']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && !['--apps-dir', '--out'].includes(argv[i - 1] ?? ''));
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.join(' ')}`);
  return {
    appsDir: resolve(root, valueOf('--apps-dir') ?? 'apps'),
    outFile: resolve(root, valueOf('--out') ?? 'apps/gateway/supergraph.graphql'),
    check: argv.includes('--check'),
    log: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
}

if (require.main === module) {
  try {
    const options = parseArgs(process.argv.slice(2));
    options.log(`Subgraph schemas under ${relative(process.cwd(), options.appsDir) || '.'}`);
    process.exitCode = run(options);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
