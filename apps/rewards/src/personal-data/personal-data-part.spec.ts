import type { RewardsHoldings } from './personal-data.service';
import { personalDataPart } from '@crm/service-kit';

const nothing: RewardsHoldings = {
  knownCustomer: null,
  ownership: null,
  account: null,
  entries: [],
  corrections: [],
  redemptions: [],
  referralBonuses: [],
  referralSales: [],
  referralRefunds: [],
  referralSpends: [],
};

describe("rewards' part of a data export (P-3)", () => {
  it('answers data null when rewards holds nothing at all about the customer', () => {
    expect(personalDataPart('rewards', 'c1', nothing)).toEqual({ service: 'rewards', customerId: 'c1', data: null });
  });

  it.each([
    ['only the registration', { knownCustomer: { referrerId: null } }],
    ['only a referral spend as the referrer', { referralSpends: [{ referrerId: 'c1' }] }],
    ['only the account', { account: { balance: 0 } }],
  ])('answers everything once anything is held: %s', (_what, held) => {
    expect(personalDataPart('rewards', 'c1', { ...nothing, ...held }).data).toEqual({ ...nothing, ...held });
  });
});
