import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const dir = resolve(__dirname);
const SNIPPET = join(dir, '__snippet__.ts');

/** Type-checks `code` (a module next to the client) under `--strict`, as a partner's project would; answers the errors. */
function compile(code: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    baseUrl: dirname(dirname(dir)),
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => file === SNIPPET || ts.sys.fileExists(file);
  host.readFile = (file) => (file === SNIPPET ? code : read(file));
  host.getSourceFile = (file, language, onError, fresh) => (file === SNIPPET ? ts.createSourceFile(file, code, language) : getSourceFile(file, language, onError, fresh));
  const program = ts.createProgram([SNIPPET, join(dir, 'index.ts')], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.slice(dir.length + 1) : ''} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const USE = `
import { partnerClient } from './index';
export async function sync(key: string): Promise<string[]> {
  const client = partnerClient('http://localhost:4000', key);
  const created = await client.POST('/api/v1/customers', { body: { name: '钱一', phone: '137 0000 1000', source: 'PARTNER' } });
  if (created.error) return [created.error.code, created.error.detail];
  const id: string = created.data.id;
  const page = await client.GET('/api/v1/customers', { params: { query: { limit: 2, cursor: undefined } } });
  const next: string | null = page.data ? page.data.nextCursor : null;
  return [id, ...(page.data?.items.map((c) => c.name) ?? []), next ?? ''];
}
`;

/**
 * The generated client (schema.d.ts from the gateway's document, openapi-typescript) compiles under `--strict`
 * with no `any` in the way: a correct use compiles, and a wrong path, body or field type does not.
 */
describe('the generated partner client', () => {
  it('compiles a partner\'s use of it under --strict', () => {
    expect(compile(USE)).toEqual([]);
  }, 60_000);

  it.each([
    ['a path the document does not have', USE.replace("'/api/v1/customers', { params", "'/api/v1/customer', { params")],
    ['a body without a required field', USE.replace("phone: '137 0000 1000', ", '')],
    ['a field read as the wrong type', USE.replace('const id: string = created.data.id', 'const id: number = created.data.id')],
    ['a field the view does not have', USE.replace('c.name', 'c.nickname')],
    ['an unknown enum value', USE.replace("source: 'PARTNER'", "source: 'PIGEON'")],
  ])('refuses %s', (_what, code) => {
    expect(code).not.toBe(USE);
    expect(compile(code).filter((d) => d.startsWith('__snippet__.ts')).length).toBeGreaterThan(0);
  }, 60_000);
});
