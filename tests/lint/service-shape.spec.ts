import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(__dirname, '..', '..');
const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'];
/** Folders of a service's src that are wiring or support, not capabilities. */
const NOT_CAPABILITIES = new Set(['database', 'testing']);
const isTest = (file: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file) || file.split(sep).includes('testing');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const relativeImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);

/** The capability (top folder of src) a file belongs to, or null for wiring at the root of src. */
function capabilityOf(src: string, file: string): string | null {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 && !NOT_CAPABILITIES.has(parts[0]) ? parts[0] : null;
}

/**
 * The one shape of every service (architecture.md, "Decisions of the second round"), checked on the files
 * themselves; lint (eslint.config.mjs) guards what a single file may do, this guards what files do together.
 */
describe('one shape for every service', () => {
  it.each(SERVICES)('%s: no two capabilities import each other both ways', (service) => {
    const src = join(root, 'apps', service, 'src');
    const edges = new Set<string>();
    for (const file of filesUnder(src).filter((f) => !isTest(f))) {
      const from = capabilityOf(src, file);
      if (!from) continue;
      for (const spec of relativeImports(file)) {
        const to = capabilityOf(src, resolve(dirname(file), spec));
        if (to && to !== from) edges.add(`${from} -> ${to}`);
      }
    }
    const mutual = [...edges].filter((e) => e.split(' -> ')[0] < e.split(' -> ')[1] && edges.has(e.split(' -> ').reverse().join(' -> ')));
    expect(mutual).toEqual([]);
  });

  it.each(SERVICES)('%s: GraphQL lives in the capabilities, not in a graphql/ folder', (service) => {
    expect(readdirSync(join(root, 'apps', service, 'src'))).not.toContain('graphql');
  });

  it('keeps every production file of the apps and libraries under 300 lines', () => {
    const long = ['apps', 'libs']
      .flatMap((top) => filesUnder(join(root, top)))
      .filter((f) => !isTest(f) && !f.includes(`${sep}migrations${sep}`))
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 300)
      .map((f) => `${f.file} (${f.lines})`);
    expect(long).toEqual([]);
  });

  it('keeps one copy of the read models of customers\' data, in @crm/service-kit', () => {
    const copies: string[] = [];
    for (const service of SERVICES.filter((s) => s !== 'customers')) {
      // Migrations name the tables they moved the rows from; only live code counts.
      for (const file of filesUnder(join(root, 'apps', service, 'src')).filter((f) => !isTest(f) && !f.includes(`${sep}migrations${sep}`))) {
        // Code only: comments may name the shared model's columns.
        const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        // Ownership, the organisation and partner keys come from customers' events through the service kit only.
        if (/\.on\('(customer\.(registered|assigned|transferred)|department\.saved|employee\.saved|api_key\.(issued|revoked))'/.test(text)) copies.push(relative(root, file));
        if (/@Entity\(\{ name: '(customer_owners|customer_ownership|departments|employees|api_keys)'/.test(text)) copies.push(relative(root, file));
        if (/\bowned_since\b/.test(text)) copies.push(relative(root, file));
      }
    }
    expect(copies).toEqual([]);
  });
});
