import { parseTiers, Tier, tierFor } from './tiers';

describe('membership tiers', () => {
  const tiers = parseTiers('STANDARD:0,SILVER:1000,GOLD:5000') as Tier[];

  it('reads the default list', () => {
    expect(tiers).toEqual([{ name: 'STANDARD', from: 0 }, { name: 'SILVER', from: 1000 }, { name: 'GOLD', from: 5000 }]);
  });

  it.each([
    [0, 'STANDARD'],
    [999, 'STANDARD'],
    [1000, 'SILVER'],
    [4999, 'SILVER'],
    [5000, 'GOLD'],
    [1_000_000, 'GOLD'],
    [-100, 'STANDARD'],
  ])('%i lifetime points is %s', (points, tier) => {
    expect(tierFor(points, tiers)).toBe(tier);
  });

  it.each([
    ['SILVER:1000', /must start at 0/],
    ['STANDARD:0,GOLD:5000,SILVER:1000', /must rise/],
    ['STANDARD:0,SILVER:0', /must rise/],
    ['STANDARD:0,silver:10', /expected NAME:points/],
    ['STANDARD:0,SILVER:-5', /expected NAME:points/],
    ['STANDARD:0,,GOLD:5', /expected NAME:points/],
    ['STANDARD:0,GOLD:1.5', /expected NAME:points/],
  ])('refuses %s', (text, problem) => {
    expect(parseTiers(text)).toMatch(problem);
  });

  it('takes a single tier', () => {
    expect(parseTiers(' MEMBER:0 ')).toEqual([{ name: 'MEMBER', from: 0 }]);
  });
});
