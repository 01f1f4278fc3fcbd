import { ConfigError } from '@crm/config';
import { loadComplaintsConfig } from './config';

describe('complaints config', () => {
  it('gives complaints 72 hours (C-4) on port 4004 by default', () => {
    expect(loadComplaintsConfig({ NODE_ENV: 'test' })).toMatchObject({ PORT: 4004, COMPLAINT_SLA_HOURS: 72, COMPLAINT_SLA_BATCH_SIZE: 500 });
    expect(loadComplaintsConfig({ NODE_ENV: 'test', COMPLAINT_SLA_HOURS: '48' }).COMPLAINT_SLA_HOURS).toBe(48);
  });

  it.each(['0', '-1', 'three days', '2.5'])('stops the start naming COMPLAINT_SLA_HOURS=%s', (value) => {
    expect(() => loadComplaintsConfig({ NODE_ENV: 'test', COMPLAINT_SLA_HOURS: value })).toThrow(ConfigError);
    expect(() => loadComplaintsConfig({ NODE_ENV: 'test', COMPLAINT_SLA_HOURS: value })).toThrow(/COMPLAINT_SLA_HOURS/);
  });
});
