/**
 * A service's environment, declared once: the declaration validates the environment at start-up, gives the
 * service a typed config object, and lets the deployment tests check that docker-compose and k8s set every
 * variable a service requires.
 */
export type Environment = 'development' | 'test' | 'production';

export interface VariableSpec<T> {
  readonly kind: 'string' | 'int' | 'url' | 'enum' | 'bool' | 'secret';
  readonly description: string;
  /** Default everywhere. */
  readonly default?: T;
  /** Default only in development and test: secrets never have a production default. */
  readonly devDefault?: T;
  /** May be left unset anywhere (the value is then undefined): for features that are off until configured. */
  readonly optional?: boolean;
  readonly parse: (raw: string) => T;
}

export type ConfigSchema = Record<string, VariableSpec<unknown>>;
export type ConfigOf<S extends ConfigSchema> = { readonly [K in keyof S]: S[K] extends VariableSpec<infer T> ? T : never };

class Invalid extends Error {}

function spec<T>(kind: VariableSpec<T>['kind'], parse: (raw: string) => T, opts: Partial<VariableSpec<T>> & { description: string }): VariableSpec<T> {
  return { kind, parse, ...opts };
}

export const env = {
  string: (description: string, opts: { default?: string; devDefault?: string } = {}) =>
    spec('string', (raw) => {
      if (raw.trim() === '') throw new Invalid('must not be empty');
      return raw;
    }, { description, ...opts }),

  int: (description: string, opts: { default?: number; devDefault?: number; min?: number; max?: number } = {}) =>
    spec('int', (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) throw new Invalid(`must be an integer, got "${raw}"`);
      const n = Number(raw);
      if (opts.min !== undefined && n < opts.min) throw new Invalid(`must be at least ${opts.min}`);
      if (opts.max !== undefined && n > opts.max) throw new Invalid(`must be at most ${opts.max}`);
      return n;
    }, { description, default: opts.default, devDefault: opts.devDefault }),

  port: (description: string, defaultPort: number) => env.int(description, { default: defaultPort, min: 1, max: 65535 }),

  url: (description: string, protocols: string[], opts: { default?: string; devDefault?: string; optional?: boolean } = {}) =>
    spec('url', (raw) => {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        throw new Invalid('must be a URL');
      }
      if (!protocols.includes(u.protocol.replace(/:$/, ''))) throw new Invalid(`must use ${protocols.join(' or ')}`);
      return raw;
    }, { description, ...opts }),

  enumOf: <T extends string>(description: string, values: readonly T[], opts: { default?: T } = {}) =>
    spec<T>('enum', (raw) => {
      if (!values.includes(raw as T)) throw new Invalid(`must be one of ${values.join(', ')}`);
      return raw as T;
    }, { description, ...opts }),

  bool: (description: string, opts: { default?: boolean } = {}) =>
    spec('bool', (raw) => {
      if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
      throw new Invalid('must be true or false');
    }, { description, ...opts }),

  /** A secret: at least 32 characters, with a default only outside production. */
  secret: (description: string, opts: { devDefault?: string } = {}) =>
    spec('secret', (raw) => {
      if (raw.length < 32) throw new Invalid('must be at least 32 characters');
      return raw;
    }, { description, ...opts }),
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function environmentOf(source: NodeJS.ProcessEnv): Environment {
  const value = source.NODE_ENV ?? 'development';
  if (value === 'production' || value === 'test' || value === 'development') return value;
  throw new ConfigError([`NODE_ENV must be one of development, test, production, got "${value}"`]);
}

/** Validates `source` against `schema`, naming every missing or bad variable at once. */
export function loadConfig<S extends ConfigSchema>(schema: S, source: NodeJS.ProcessEnv = process.env): ConfigOf<S> & { NODE_ENV: Environment } {
  const nodeEnv = environmentOf(source);
  const problems: string[] = [];
  const out: Record<string, unknown> = { NODE_ENV: nodeEnv };
  for (const [name, variable] of Object.entries(schema)) {
    const raw = source[name];
    if (raw === undefined || raw === '') {
      if (variable.default !== undefined) out[name] = variable.default;
      else if (variable.devDefault !== undefined && nodeEnv !== 'production') out[name] = variable.devDefault;
      else if (variable.optional) continue;
      else problems.push(`${name} is missing (${variable.description})`);
      continue;
    }
    try {
      out[name] = variable.parse(raw);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      problems.push(`${name} ${e.message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out as ConfigOf<S> & { NODE_ENV: Environment };
}

/** Variables a production deployment must set: those with no default that applies in production. */
export function requiredInProduction(schema: ConfigSchema): string[] {
  return Object.entries(schema)
    .filter(([, v]) => v.default === undefined && !v.optional)
    .map(([name]) => name);
}

export interface VariableDescription {
  name: string;
  description: string;
  requiredInProduction: boolean;
  default?: unknown;
}

/** What a service reads from its environment, for `main.js --describe-env` and the deployment checks. */
export function describeSchema(schema: ConfigSchema): VariableDescription[] {
  return Object.entries(schema).map(([name, v]) => ({
    name,
    description: v.description,
    requiredInProduction: v.default === undefined && !v.optional,
    ...(v.default !== undefined ? { default: v.default } : {}),
  }));
}

/**
 * Handles `--describe-env` before anything starts: prints the service's variables as JSON and exits, so ops
 * and the deployment tests learn what a service needs from the service itself.
 */
export function describeEnvIfAsked(schema: ConfigSchema, argv: string[] = process.argv): void {
  if (!argv.includes('--describe-env')) return;
  process.stdout.write(`${JSON.stringify(describeSchema({ NODE_ENV: { kind: 'enum', description: 'development, test or production', default: 'development', parse: String }, ...schema }), null, 2)}\n`);
  process.exit(0);
}
