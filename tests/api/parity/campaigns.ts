/** campaigns: REST operationId → its GraphQL twin (issue 14; tests/api/graphql-parity.e2e-spec.ts). */
export const PARITY: Record<string, string> = {
  // outreach (O-1)
  recordOutreachEvent: 'Mutation.recordOutreachEvent',
  getOutreachEvent: 'Query.outreachEvent',
  // meetings (J-1)
  scheduleMeeting: 'Mutation.scheduleMeeting',
  listMeetings: 'Query.meetingsConnection',
  getMeeting: 'Query.meeting',
  // invitations (J-2)
  inviteCustomer: 'Mutation.inviteCustomer',
  listMeetingInvitations: 'Query.meetingInvitations',
  confirmInvitation: 'Mutation.confirmInvitation',
  getInvitation: 'Query.invitation',
  // sheets and reconciliations (J-3..J-8)
  submitSheet: 'Mutation.submitSheet',
  listMeetingSheets: 'Query.meetingSheets',
  listReconciliations: 'Query.meetingReconciliations',
  // check-ins (J-9)
  checkInCustomer: 'Mutation.checkIn',
  // sales and refunds (J-10)
  recordSale: 'Mutation.recordSale',
  listMeetingSales: 'Query.meetingSales',
  refundSale: 'Mutation.refundSale',
  getSale: 'Query.sale',
  // pitches (J-10)
  grantPitchConsent: 'Mutation.grantPitchConsent',
  startPitch: 'Mutation.startPitch',
  endPitch: 'Mutation.endPitch',
  // disputes (J-11)
  raiseDispute: 'Mutation.raiseDispute',
  ruleOnDispute: 'Mutation.ruleOnDispute',
  getDispute: 'Query.dispute',
};
