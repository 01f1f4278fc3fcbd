import { ConfigError, env, loadConfig, requiredInProduction } from './config-schema';

const schema = {
  PORT: env.port('port', 4001),
  DATABASE_URL: env.url('db', ['postgres'], { devDefault: 'postgres://localhost/db' }),
  JWT_SECRET: env.secret('jwt', { devDefault: 'x'.repeat(32) }),
  MODE: env.enumOf('mode', ['a', 'b'] as const, { default: 'a' }),
  FLAG: env.bool('flag', { default: false }),
};

describe('loadConfig', () => {
  it('applies defaults and development defaults outside production', () => {
    const c = loadConfig(schema, { NODE_ENV: 'development' });
    expect(c).toMatchObject({ PORT: 4001, DATABASE_URL: 'postgres://localhost/db', MODE: 'a', FLAG: false });
  });

  it('never gives a secret a default in production and names every missing variable', () => {
    expect(() => loadConfig(schema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { NODE_ENV: 'production' });
    } catch (e) {
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL is missing/);
      expect(problems).toMatch(/JWT_SECRET is missing/);
    }
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must use postgres/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ MODE: 'c' }, /MODE must be one of a, b/],
    [{ FLAG: 'maybe' }, /FLAG must be true or false/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
  ])('rejects %j with its name', (vars, message) => {
    expect(() => loadConfig(schema, { NODE_ENV: 'development', ...vars })).toThrow(message);
  });

  it('parses given values', () => {
    const c = loadConfig(schema, { PORT: '5000', FLAG: 'true', MODE: 'b', NODE_ENV: 'test' });
    expect(c).toMatchObject({ PORT: 5000, FLAG: true, MODE: 'b', NODE_ENV: 'test' });
  });

  it('leaves an optional variable unset, in production too, and never requires it', () => {
    const withOptional = { ...schema, PEER_URL: env.url('peer', ['http'], { optional: true }) };
    const c = loadConfig(withOptional, { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'x'.repeat(32) });
    expect(c.PEER_URL).toBeUndefined();
    expect(requiredInProduction(withOptional)).not.toContain('PEER_URL');
    expect(() => loadConfig(withOptional, { NODE_ENV: 'development', PEER_URL: 'ftp://x' })).toThrow(/PEER_URL must use http/);
  });

  it('lists what production must set', () => {
    expect(requiredInProduction(schema).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET']);
  });
});
