import type { CampaignsHoldings } from './personal-data.service';
import { personalDataPart } from '@crm/service-kit';

const nothing: CampaignsHoldings = {
  ownership: null,
  underServed: null,
  invitations: [],
  takeoverReports: [],
  sheetMentions: [],
  sheetClaims: [],
  meetingLocks: [],
  speakerReservations: [],
  checkIns: [],
  sales: [],
  refunds: [],
  pitches: [],
  pitchConsents: [],
  disputes: [],
};

describe("campaigns' part of a data export (P-3)", () => {
  it('answers data null when campaigns holds nothing at all about the customer', () => {
    expect(personalDataPart('campaigns', 'c1', nothing)).toEqual({ service: 'campaigns', customerId: 'c1', data: null });
  });

  it.each([
    ['only the ownership read model', { ownership: { ownerId: 'e1', departmentId: 'd1', ownedSince: new Date(0) } }],
    ['only a V-2 verdict', { underServed: { underServed: true } }],
    ['only a sheet mention', { sheetMentions: [{ sheetId: 's1' }] }],
  ])('answers everything once anything is held: %s', (_what, held) => {
    const view = personalDataPart('campaigns', 'c1', { ...nothing, ...held });
    expect(view.data).toEqual({ ...nothing, ...held });
  });
});
