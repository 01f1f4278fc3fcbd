/** complaints: REST operationId → its GraphQL twin (issue 14; tests/api/graphql-parity.e2e-spec.ts). */
export const PARITY: Record<string, string> = {
  fileComplaint: 'Mutation.fileComplaint',
  listComplaints: 'Query.complaints',
  getComplaint: 'Query.complaint',
  resolveComplaint: 'Mutation.resolveComplaint',
  recordComplaintAction: 'Mutation.recordComplaintAction',
  reopenComplaint: 'Mutation.reopenComplaint',
};
