// `npm run token -- <ROLE|employeeId>`: prints a development access token from the running suite.
const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: npm run token -- <ROLE|employeeId>   e.g. npm run token -- ADMIN\n');
  process.exit(2);
}
const base = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const body = /^[0-9a-f-]{36}$/i.test(arg) ? { employeeId: arg } : { role: arg.toUpperCase() };
const res = await fetch(`${base}/api/v1/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch((e) => {
  process.stderr.write(`cannot reach the suite at ${base} (is \`npm start\` running?): ${e.message}\n`);
  process.exit(1);
});
const json = await res.json();
if (!res.ok) {
  process.stderr.write(`${res.status} ${json.code}: ${json.detail}\n`);
  process.exit(1);
}
process.stdout.write(`${json.accessToken}\n`);
