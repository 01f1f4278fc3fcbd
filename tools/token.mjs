// `npm run token -- <ROLE|employeeId|employee name> [--employee]`: prints a development access token from the
// running suite (outside production only: it uses POST /api/v1/auth/dev-token through the gateway).
//
//   npm run token -- ADMIN                a token for a role, with no employee behind it (a made-up subject)
//   npm run token -- <employee id>        a token for that employee: their role and department
//   npm run token -- 王芳                 a token for the employee of that exact name (after `npm run seed`)
//   npm run token -- EMPLOYEE --employee  a token for the first real employee holding that role
//
// Only the token goes to stdout, so `TOKEN=$(npm run -s token -- 王芳)` works; which employee was chosen goes
// to stderr. A role-only token cannot act as an employee: registering a customer without an owner with it
// answers 422 OWNER_NOT_FOUND, because its subject is not an employee. Use a name or `--employee` for that.
const ROLES = ['EMPLOYEE', 'DEPARTMENT_HEAD', 'CRM_CLERK', 'COORDINATOR', 'RESOURCE_DIRECTOR', 'GENERAL_MANAGER', 'ADMIN'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE =
  'usage: npm run token -- <ROLE|employeeId|employee name> [--employee]\n' +
  '  e.g. npm run token -- ADMIN            (a role; no employee behind it)\n' +
  '       npm run token -- 王芳             (an employee by exact name)\n' +
  '       npm run token -- EMPLOYEE --employee   (the first real employee of a role)\n' +
  `  roles: ${ROLES.join(', ')}\n`;

const base = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const args = process.argv.slice(2);
const asEmployee = args.includes('--employee');
const positional = args.filter((a) => a !== '--employee');
if (positional.length !== 1 || positional[0].trim() === '') fail(USAGE, 2);
const arg = positional[0].trim();
const role = ROLES.includes(arg.toUpperCase()) ? arg.toUpperCase() : null;

function fail(message, code = 1) {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

async function call(method, path, { body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined }).catch((e) =>
    fail(`cannot reach the suite at ${base} (is \`npm start\` running?): ${e.message}`),
  );
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { code: 'NOT_JSON', detail: text.slice(0, 200) };
  }
  if (!res.ok) fail(`${method} ${path}: ${res.status} ${json.code ?? ''}: ${json.detail ?? json.title ?? text.slice(0, 200)}`);
  return json;
}

const devToken = async (body) => (await call('POST', '/api/v1/auth/dev-token', { body })).accessToken;

/** Every employee, page by page (GET /api/v1/employees answers {items, nextCursor}). */
async function allEmployees(token) {
  const employees = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page = await call('GET', `/api/v1/employees?${query}`, { token });
    employees.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return employees;
}

const describe = (e) => `${e.name} (${e.role}${e.departmentId ? `, department ${e.departmentId}` : ''}) ${e.id}`;

let token;
if (UUID.test(arg)) {
  token = await devToken({ employeeId: arg });
} else if (role && !asEmployee) {
  token = await devToken({ role });
} else {
  // A real employee, found through the API with an administrator's development token.
  const employees = await allEmployees(await devToken({ role: 'ADMIN' }));
  const noneYet = employees.length === 0 ? ' (no employees yet: run `npm run seed` for the demo company)' : '';
  let chosen;
  if (role) {
    chosen = employees.find((e) => e.role === role);
    if (!chosen) fail(`no employee has the role ${role}${noneYet}`);
  } else {
    const named = employees.filter((e) => e.name === arg);
    if (named.length === 0) fail(`no employee is named "${arg}" and it is not a role (${ROLES.join(', ')})${noneYet}`);
    if (named.length > 1) fail(`${named.length} employees are named "${arg}"; give the id of one:\n${named.map((e) => `  ${describe(e)}`).join('\n')}`);
    chosen = named[0];
  }
  process.stderr.write(`token for ${describe(chosen)}\n`);
  token = await devToken({ employeeId: chosen.id });
}
process.stdout.write(`${token}\n`);
