import { ConfigError } from '@crm/config';
import { loadRewardsConfig } from './config';

describe('rewards config', () => {
  it('reads the tiers, by default STANDARD, SILVER at 1000 and GOLD at 5000', () => {
    expect(loadRewardsConfig({ NODE_ENV: 'test' }).tiers).toEqual([{ name: 'STANDARD', from: 0 }, { name: 'SILVER', from: 1000 }, { name: 'GOLD', from: 5000 }]);
    expect(loadRewardsConfig({ NODE_ENV: 'test', REWARDS_TIERS: 'BRONZE:0,PLATINUM:20000' }).tiers.map((t) => t.name)).toEqual(['BRONZE', 'PLATINUM']);
  });

  it('stops the start naming REWARDS_TIERS when the list is wrong', () => {
    expect(() => loadRewardsConfig({ NODE_ENV: 'test', REWARDS_TIERS: 'GOLD:5000' })).toThrow(ConfigError);
    expect(() => loadRewardsConfig({ NODE_ENV: 'test', REWARDS_TIERS: 'GOLD:5000' })).toThrow(/REWARDS_TIERS must start at 0/);
  });
});
