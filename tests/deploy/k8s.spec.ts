/**
 * The Kubernetes manifests (k8s/base, applied with `kubectl apply -k`) against what each service declares
 * (`main.js --describe-env`): per service a Deployment, Service, ConfigMap and HPA that agree on the port and
 * probes and provide every required variable; the migration Job; the Ingress to the gateway only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultPort,
  discoverServices,
  ensureBuilt,
  expectNoProblems,
  migrationVariables,
  Obj,
  readYaml,
  readYamlDocuments,
  requiredVariables,
  ROOT,
} from './support';

const BASE = 'k8s/base';
const services = discoverServices();

interface Manifest {
  file: string;
  doc: Obj;
}

/** Follows kustomization.yaml `resources` (files and folders with their own kustomization.yaml). */
function load(dir: string): { manifests: Manifest[]; files: string[] } {
  const kustomization = readYaml(`${dir}/kustomization.yaml`);
  const out = { manifests: [] as Manifest[], files: [`${dir}/kustomization.yaml`] };
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    if (/\.ya?ml$/.test(resource)) {
      out.files.push(path);
      out.manifests.push(...readYamlDocuments(path).map((doc) => ({ file: path, doc })));
    } else {
      const nested = load(path);
      out.files.push(...nested.files);
      out.manifests.push(...nested.manifests);
    }
  }
  return out;
}

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFilesUnder(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );

const rootKustomization = readYaml(`${BASE}/kustomization.yaml`);
const { manifests, files } = load(BASE);
const docs = manifests.map((m) => m.doc);
const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
// The shared Secret is created out of band (see secret.example.yaml), so its keys are read from the examples.
const exampleFiles = yamlFilesUnder('k8s').filter((f) => /\.example\.ya?ml$/.test(f));
const exampleSecrets = exampleFiles.flatMap((f) => readYamlDocuments(f)).filter((d) => d.kind === 'Secret');
const secretKeys = (name: string): string[] | undefined => {
  const secret = find('Secret', name) ?? exampleSecrets.find((s) => s.metadata?.name === name);
  return secret && Object.keys({ ...secret.data, ...secret.stringData });
};

const podSpec = (workload: Obj | undefined): Obj => workload?.spec?.template?.spec ?? {};
const mainContainer = (deployment: Obj | undefined, service: string): Obj =>
  podSpec(deployment).containers?.find((c: Obj) => c.name === service) ??
  podSpec(deployment).containers?.[0] ??
  {};

/** A probe's or Service's port, with names resolved against the container's ports. */
const resolvePort = (container: Obj, port: unknown): number | undefined =>
  typeof port === 'number' ? port : container.ports?.find((p: Obj) => p.name === port)?.containerPort;

/** Every variable the container gets, with its value where the manifests hold one, and broken references. */
function environmentOf(container: Obj): { vars: Map<string, string | undefined>; problems: string[] } {
  const vars = new Map<string, string | undefined>();
  const problems: string[] = [];
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const configMap = find('ConfigMap', from.configMapRef.name);
      if (!configMap)
        problems.push(
          `container ${container.name} reads ConfigMap ${from.configMapRef.name}, which is not in ${BASE}`,
        );
      for (const [k, v] of Object.entries(configMap?.data ?? {})) vars.set(prefix + k, String(v));
    }
    if (from.secretRef) {
      const keys = secretKeys(from.secretRef.name);
      if (!keys)
        problems.push(
          `container ${container.name} reads Secret ${from.secretRef.name}, which is neither in ${BASE} nor in a *.example.yaml`,
        );
      for (const k of keys ?? []) vars.set(prefix + k, undefined);
    }
  }
  for (const e of container.env ?? []) vars.set(e.name, e.value === undefined ? undefined : String(e.value));
  return { vars, problems };
}

const securityProblems = (where: string, workload: Obj, container: Obj): string[] => {
  const problems: string[] = [];
  if (!(container.securityContext?.runAsNonRoot ?? podSpec(workload).securityContext?.runAsNonRoot))
    problems.push(`${where}: runAsNonRoot is not set`);
  if (container.securityContext?.readOnlyRootFilesystem !== true)
    problems.push(`${where}: readOnlyRootFilesystem is not true`);
  if (container.securityContext?.allowPrivilegeEscalation !== false)
    problems.push(`${where}: allowPrivilegeEscalation is not false`);
  return problems;
};

beforeAll(() => ensureBuilt(services), 10 * 60_000);

/** A Kubernetes memory quantity in MiB (`512Mi`, `1Gi`), or null for any other form. */
function mebibytes(quantity: unknown): number | null {
  const m = /^(\d+)(Mi|Gi)$/.exec(String(quantity ?? ''));
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

describe('k8s manifests', () => {
  it('live in the namespace crm', () => {
    expect(rootKustomization.namespace).toBe('crm');
    expect(find('Namespace', 'crm')).toBeDefined();
    expectNoProblems(
      manifests
        .filter((m) => m.doc.metadata?.namespace && m.doc.metadata.namespace !== 'crm')
        .map((m) => `${m.file}: namespace ${m.doc.metadata.namespace}`),
    );
  });

  it('are all listed in a kustomization (examples excepted)', () => {
    const listed = new Set(files);
    expectNoProblems(
      yamlFilesUnder('k8s')
        .filter((f) => !listed.has(f) && !exampleFiles.includes(f))
        .map((f) => `${f} is in no kustomization.yaml`),
    );
  });

  it('has a Deployment, Service, ConfigMap and HPA for every app in apps/ (with src/main.ts)', () => {
    expectNoProblems(services.length ? [] : ['no folder of apps/ has src/main.ts: nothing to check']);
    const problems: string[] = [];
    for (const service of services) {
      const deployment = find('Deployment', service);
      if (!deployment) problems.push(`${service}: no Deployment named ${service}`);
      if (!find('Service', service)) problems.push(`${service}: no Service named ${service}`);
      if (!find('HorizontalPodAutoscaler', service))
        problems.push(`${service}: no HorizontalPodAutoscaler named ${service}`);
      const configMaps = (mainContainer(deployment, service).envFrom ?? []).filter(
        (f: Obj) => f.configMapRef,
      );
      if (!configMaps.length)
        problems.push(`${service}: the Deployment reads no ConfigMap (envFrom configMapRef)`);
    }
    expectNoProblems(problems);
  });

  it('uses one image for every workload', () => {
    const images = new Set(
      docs
        .filter((d) => ['Deployment', 'Job'].includes(d.kind))
        .flatMap((d) => (podSpec(d).containers ?? []).map((c: Obj) => c.image)),
    );
    expect([...images]).toHaveLength(1);
  });

  // With no service, the test above fails; describe.each would reject an empty table.
  if (services.length)
    describe.each(services)('service %s', (service) => {
      const deployment = find('Deployment', service);
      const container = mainContainer(deployment, service);

      it('runs its app (SERVICE) and gets every variable it requires in production from its ConfigMap or the Secret', () => {
        const { vars, problems } = environmentOf(container);
        if (vars.get('SERVICE') !== service)
          problems.push(`${service}: SERVICE is "${vars.get('SERVICE')}", expected "${service}"`);
        for (const name of requiredVariables(service)) {
          if (!vars.has(name))
            problems.push(
              `${service}: ${name} (required in production) is in neither its ConfigMap, the Secret, nor env`,
            );
        }
        if (vars.has('NODE_ENV') && vars.get('NODE_ENV') !== 'production')
          problems.push(`${service}: NODE_ENV is "${vars.get('NODE_ENV')}", not production`);
        expectNoProblems(problems);
      });

      it('listens on its PORT default: container port, PORT variable, probes and Service agree', () => {
        const port = defaultPort(service);
        const problems: string[] = [];
        const ports = (container.ports ?? []).map((p: Obj) => p.containerPort);
        if (!ports.includes(port))
          problems.push(`${service}: containerPort ${ports.join(',') || 'none'}, expected ${port}`);
        const configured = environmentOf(container).vars.get('PORT');
        if (configured !== undefined && configured !== String(port))
          problems.push(`${service}: PORT is ${configured}, expected ${port}`);
        const probes: [string, string | undefined][] = [
          ['readinessProbe', '/health'],
          ['livenessProbe', '/health/live'],
          ['startupProbe', undefined],
        ];
        for (const [probe, path] of probes) {
          const check = container[probe];
          if (!check) problems.push(`${service}: no ${probe}`);
          else if (path && check.httpGet?.path !== path)
            problems.push(
              `${service}: ${probe} checks ${check.httpGet?.path ?? 'no HTTP path'}, expected ${path}`,
            );
          else if (check.httpGet && resolvePort(container, check.httpGet.port) !== port)
            problems.push(`${service}: ${probe} port ${check.httpGet.port} is not ${port}`);
        }
        const svc = find('Service', service);
        if (svc?.spec?.type && svc.spec.type !== 'ClusterIP')
          problems.push(`${service}: Service type ${svc.spec.type}; only the Ingress is public`);
        if (
          !svc?.spec?.ports?.some(
            (p: Obj) => p.port === port && resolvePort(container, p.targetPort ?? p.port) === port,
          )
        ) {
          problems.push(`${service}: the Service has no port ${port} targeting container port ${port}`);
        }
        const labels = deployment?.spec?.template?.metadata?.labels ?? {};
        if (
          !Object.entries(svc?.spec?.selector ?? { missing: 'selector' }).every(([k, v]) => labels[k] === v)
        )
          problems.push(`${service}: the Service selector does not match the pods`);
        expectNoProblems(problems);
      });

      it('has resources, a non-root read-only container, and a CPU autoscaler', () => {
        const problems = securityProblems(service, deployment ?? {}, container);
        const { requests = {}, limits = {} } = container.resources ?? {};
        if (!requests.cpu || !requests.memory || !limits.memory)
          problems.push(`${service}: set resources.requests.cpu/memory and limits.memory`);
        const hpa = find('HorizontalPodAutoscaler', service);
        if (hpa?.apiVersion !== 'autoscaling/v2') problems.push(`${service}: the HPA is not autoscaling/v2`);
        if (hpa?.spec?.scaleTargetRef?.kind !== 'Deployment' || hpa.spec.scaleTargetRef.name !== service)
          problems.push(`${service}: the HPA does not scale Deployment ${service}`);
        if (!hpa?.spec?.metrics?.some((m: Obj) => m.resource?.name === 'cpu'))
          problems.push(`${service}: the HPA has no CPU metric`);
        expectNoProblems(problems);
      });

      it("caps V8's heap with room under its memory limit, so a busy pod collects garbage instead of being OOM-killed", () => {
        const limit = mebibytes(container.resources?.limits?.memory);
        const heap = /--max-old-space-size=(\d+)/.exec(environmentOf(container).vars.get('NODE_OPTIONS') ?? '')?.[1];
        const problems: string[] = [];
        if (!heap) problems.push(`${service}: NODE_OPTIONS sets no --max-old-space-size`);
        else if (limit === null) problems.push(`${service}: limits.memory is not in Mi or Gi`);
        // Code, buffers, the young generation and native memory live outside the old space: 128 MiB at least.
        else if (Number(heap) > limit - 128) problems.push(`${service}: heap ${heap} MiB leaves less than 128 MiB of its ${limit} MiB limit`);
        expectNoProblems(problems);
      });

      it('reaches other services by their Service name and port', () => {
        const problems: string[] = [];
        for (const [name, value] of environmentOf(container).vars) {
          const url = /^https?:\/\/([^/:]+)(?::(\d+))?/.exec(value ?? '');
          if (!url || !services.includes(url[1])) continue;
          const target = find('Service', url[1]);
          if (!target?.spec?.ports?.some((p: Obj) => p.port === Number(url[2] ?? 80)))
            problems.push(`${service}: ${name}=${value} matches no port of Service ${url[1]}`);
        }
        expectNoProblems(problems);
      });
    });

  it('has a migration Job running dist/tools/migrate.js, with a retry limit and clean-up', () => {
    const job = docs.find(
      (d) =>
        d.kind === 'Job' &&
        podSpec(d).containers?.some((c: Obj) =>
          /dist\/tools\/migrate\.js/.test([...(c.command ?? []), ...(c.args ?? [])].join(' ')),
        ),
    );
    expect(job).toBeDefined();
    expect(typeof job!.spec.backoffLimit).toBe('number');
    expect(typeof job!.spec.ttlSecondsAfterFinished).toBe('number');
    expect(['Never', 'OnFailure']).toContain(podSpec(job).restartPolicy);
    const container = podSpec(job).containers[0];
    const { vars, problems } = environmentOf(container);
    for (const name of migrationVariables(services)) {
      if (!vars.has(name))
        problems.push(
          `the migration Job gets no ${name} (each service's --migrate validates its environment)`,
        );
    }
    expectNoProblems([...problems, ...securityProblems('migration Job', job!, container)]);
  });

  it('routes the Ingress to the gateway Service only', () => {
    expect(services).toContain('gateway');
    const ingresses = docs.filter((d) => d.kind === 'Ingress');
    expect(ingresses.length).toBeGreaterThan(0);
    const gateway = find('Service', 'gateway');
    const backends = ingresses
      .flatMap((i) => [
        i.spec.defaultBackend,
        ...(i.spec.rules ?? []).flatMap((r: Obj) => r.http?.paths?.map((p: Obj) => p.backend) ?? []),
      ])
      .filter(Boolean);
    expect(backends.length).toBeGreaterThan(0);
    const problems = backends
      .filter(
        (b: Obj) =>
          b.service?.name !== 'gateway' ||
          !gateway?.spec?.ports?.some(
            (p: Obj) => p.port === b.service.port?.number || p.name === b.service.port?.name,
          ),
      )
      .map(
        (b: Obj) =>
          `the Ingress routes to ${b.service?.name}:${b.service?.port?.number ?? b.service?.port?.name}, not to a port of Service gateway`,
      );
    expectNoProblems(problems);
  });

  it('commits no secret value: Secrets hold REPLACE_ME placeholders only', () => {
    const secrets = [...docs.filter((d) => d.kind === 'Secret'), ...exampleSecrets];
    expect(secrets.length).toBeGreaterThan(0);
    const problems = secrets.flatMap((s) =>
      Object.entries({ ...s.stringData, ...s.data })
        .filter(([, v]) => !/REPLACE_ME/.test(String(v)))
        .map(([k]) => `Secret ${s.metadata?.name}: ${k} holds a value, not REPLACE_ME`),
    );
    expectNoProblems(problems);
  });
});
