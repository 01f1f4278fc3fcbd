import { randomBytes } from 'node:crypto';
import { ConfigError, requiredInProduction } from '@crm/config';
import { loadServiceVisitsConfig, serviceVisitsConfigSchema } from './config';

const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/crm', REDIS_URL: 'redis://r:6379', AUTH_JWKS_URL: 'http://customers:4001/.well-known/jwks.json' };

describe('service-visits config', () => {
  it('has a development health key outside production only', () => {
    expect(loadServiceVisitsConfig({ NODE_ENV: 'test' }).healthKeys.current.key).toHaveLength(32);
    expect(() => loadServiceVisitsConfig(production)).toThrow(/HEALTH_DATA_KEY is missing/);
  });

  it('takes a 32-byte base64 key in production, and refuses another length naming the variable', () => {
    const key = randomBytes(32).toString('base64');
    const config = loadServiceVisitsConfig({ ...production, HEALTH_DATA_KEY: key, HEALTH_DATA_KEY_ID: '2031-03' });
    expect(config.healthKeys.current).toEqual({ id: '2031-03', key: Buffer.from(key, 'base64') });
    expect(() => loadServiceVisitsConfig({ ...production, HEALTH_DATA_KEY: randomBytes(24).toString('base64') })).toThrow(/HEALTH_DATA_KEY must be 32 bytes/);
  });

  it('does not need the health key to migrate (the migration Job never holds it)', () => {
    expect(requiredInProduction(serviceVisitsConfigSchema)).not.toContain('HEALTH_DATA_KEY');
  });

  it('reads the cadence, and stops the start naming VISIT_CADENCE when it is wrong', () => {
    expect(loadServiceVisitsConfig({ NODE_ENV: 'test' }).cadence.NEW).toEqual({ everyDays: 7, times: 4 });
    expect(() => loadServiceVisitsConfig({ NODE_ENV: 'test', VISIT_CADENCE: 'VIP:7' })).toThrow(ConfigError);
    expect(() => loadServiceVisitsConfig({ NODE_ENV: 'test', VISIT_CADENCE: 'VIP:7' })).toThrow(/VISIT_CADENCE names VIP/);
  });
});
